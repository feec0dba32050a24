{#
    No two rows share the same values of `columns` (a key of several columns;
    a one-column key uses dbt's built-in `unique`). One failing row per
    repeated key.
#}
{% test unique_combination(model, columns) %}
    {% set key = columns | join(" || ' / ' || ") %}
    {% set failures %}
        select
            '{{ columns | join(" / ") }} = ' || {{ key }}
            || ' appears ' || count(*) || ' times' as failure_message
        from {{ model }}
        group by {{ columns | join(', ') }}
        having count(*) > 1
    {% endset %}
    {{ failing_rows('key (' ~ columns | join(', ') ~ ') must be unique', failures) }}
{% endtest %}
