{# No two rows share the same values of `columns` (a primary or natural key). #}
{% test unique_rows(model, columns) %}
    {% set key = columns | join(" || ' / ' || ") %}
    {% set failures %}
        select
            '{{ columns | join(" / ") }} = ' || {{ key }}
            || ' appears ' || count(*) || ' times' as failure_message
        from {{ model }}
        group by {{ columns | join(', ') }}
        having count(*) > 1
    {% endset %}
    {{ raise_row_failures(model, 'key (' ~ columns | join(', ') ~ ') must be unique', failures) }}
{% endtest %}
