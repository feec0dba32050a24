{#
    Helpers for our generic and singular tests. Every test of ours is a plain
    `select` of the failing rows (dbt's own shape, so severity, warn_if /
    error_if and store_failures work), with two columns that say what is wrong:

        rule              the sentence the row breaks
        failure_message   the row named by its key, and what is wrong with it,
                          e.g. "row 'Tesla V100 / FP32' (watts=-300.0)"

    The failing rows are stored in the `audit` schema (dbt_project.yml) and
    src/inference_energy/build/failures.py prints them after a failed build.
#}

{#
    The graph node (seed or model) behind a relation, to read its YAML: the
    declared columns and `meta.row_key`.
#}
{% macro node_for_relation(relation) %}
    {% if execute %}
        {% for node in graph.nodes.values() %}
            {% if node.resource_type in ['seed', 'model', 'snapshot']
                and (node.alias or node.name) == relation.identifier
                and node.schema == relation.schema %}
                {{ return(node) }}
            {% endif %}
        {% endfor %}
    {% endif %}
    {{ return(none) }}
{% endmacro %}

{#
    SQL expression that names a row in messages, from the model's YAML:
    `meta.row_key` (a column or SQL expression) and optionally
    `meta.row_key_label` (what to call it; default the column name, or "row"
    for an expression). Gives e.g. "model_id 'alexnet'" or
    "row 'Tesla V100 / FP32'". src/inference_energy/build/failures.py builds the same
    label for dbt's built-in tests.
#}
{% macro row_label(model) %}
    {% set node = node_for_relation(model) %}
    {% set meta = {} %}
    {% if node is not none %}
        {% set meta = node.config.get('meta', {}) or node.meta %}
    {% endif %}
    {% set key = meta.get('row_key') %}
    {% if not key %}
        {{ return("'row'") }}
    {% endif %}
    {% set is_column = modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', key) is not none %}
    {% set label = meta.get('row_key_label') or (key if is_column else 'row') %}
    {% set quote = "''''" %}
    {{ return("'" ~ label ~ " ' || " ~ quote ~ " || coalesce(cast((" ~ key ~ ") as varchar), 'null') || " ~ quote) }}
{% endmacro %}

{#
    `failures_sql` selects one `failure_message` per failing row; this adds
    the `rule` column. The shape every test of ours returns.
#}
{% macro failing_rows(rule, failures_sql) %}
    select
        {{ sql_string(rule) }} as rule,
        failures.failure_message
    from (
        {{ failures_sql }}
    ) as failures
{% endmacro %}
