{#
    A key of several columns: no column of it is null on any row, and no two
    rows share its values (`unique` + `not_null` for a combination; a one-column
    key uses `primary_key`). One failing row per column with null keys, one per
    repeated key.
#}
{% test unique_combination(model, columns) %}
    {% set key = columns | join(" || ' / ' || ") %}
    {% set failures %}
        {% for column in columns %}
            select '{{ column }} (part of the key) is null on ' || count(*) || ' row(s)' as failure_message
            from {{ model }}
            where {{ column }} is null
            having count(*) > 0
            union all
        {% endfor %}
        select
            '{{ columns | join(" / ") }} = ' || {{ key }}
            || ' appears ' || count(*) || ' times' as failure_message
        from {{ model }}
        group by {{ columns | join(', ') }}
        having count(*) > 1
    {% endset %}
    {{ failing_rows('key (' ~ columns | join(', ') ~ ') must be unique and never null', failures) }}
{% endtest %}
