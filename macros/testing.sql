{#
    Helpers for our generic tests. Each test collects the rows that break its
    rule, with a message per row, and raise_row_failures() turns them into a
    single DuckDB error that dbt prints as is, e.g.

        raw.gpu_specs: 1 row(s) break rule "watts must be positive":
        row 'Tesla V100 / FP32' (watts=-300.0)

    so a failed build names the table, the row and the rule (dbt's built-in
    tests only report a count). A test that finds no bad row returns no rows
    and passes.
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
    "row 'Tesla V100 / FP32'".
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

{% macro raise_row_failures(model, rule, failures_sql) %}
with failures as (
    {{ failures_sql }}
),

ranked as (
    select
        failure_message,
        row_number() over (order by failure_message) as failure_rank
    from failures
),

summary as (
    select
        count(*) as n_failures,
        {# At most 20 rows are spelled out: enough to fix, short enough to read. #}
        string_agg(failure_message, '; ' order by failure_message)
            filter (where failure_rank <= 20) as messages
    from ranked
)

select n_failures
from summary
where
    case
        when n_failures > 0
            then error(
                {{ sql_string(model.schema ~ '.' ~ model.identifier) }}
                || ': ' || n_failures || ' row(s) break rule "'
                || {{ sql_string(rule) }} || '": ' || messages
                || case when n_failures > 20 then '; ... and ' || (n_failures - 20) || ' more' else '' end
            ) is null
        else false
    end
{% endmacro %}
