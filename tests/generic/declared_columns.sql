{#
    A seed has every column its YAML declares and at least `min_rows` rows.
    Catches a CSV whose header lost a column, and a header-only file. (A column
    the YAML does not declare never gets this far: the seed load refuses it,
    macro validate_seed_header.)
#}
{% test declared_columns(model, min_rows=1) %}
    {% set node = node_for_relation(model) %}
    {% set declared = [] %}
    {% if node is not none %}
        {% for name in node.columns.keys() %}{% do declared.append(name | lower) %}{% endfor %}
    {% endif %}
    {% set actual = [] %}
    {% if execute %}
        {% for column in adapter.get_columns_in_relation(model) %}{% do actual.append(column.name | lower) %}{% endfor %}
    {% endif %}
    {% set messages = [] %}
    {% for name in declared if name not in actual %}
        {% do messages.append("column " ~ name ~ " is declared in YAML but missing from the file") %}
    {% endfor %}
    {% set failures %}
        {% for message in messages %}
            select {{ sql_string(message) }} as failure_message
            union all
        {% endfor %}
        select 'the file has ' || count(*) || ' data row(s), at least {{ min_rows }} expected' as failure_message
        from {{ model }}
        having count(*) < {{ min_rows }}
    {% endset %}
    {{ failing_rows('the file has the declared columns and at least ' ~ min_rows ~ ' row(s)', failures) }}
{% endtest %}
