{#
    A seed has exactly the columns its YAML declares (none missing, none
    extra, whatever the order) and at least `min_rows` rows. Catches a CSV
    whose header lost or gained a column, and a header-only file.
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
    {% for name in actual if name not in declared %}
        {% do messages.append("column " ~ name ~ " is in the file but not declared in YAML") %}
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
