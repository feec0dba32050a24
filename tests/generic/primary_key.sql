{#
    A model's one-column key: every row has one and no two rows share it (dbt's
    `unique` and `not_null` in one query, so a null key cannot slip through a
    `unique` alone, and one test node per model, not two). One failing row for
    the null keys, one per repeated key. A key of several columns uses
    `unique_combination`, which checks both too.
#}
{% test primary_key(model, column_name) %}
    {% set failures %}
        select '{{ column_name }} is null on ' || count(*) || ' row(s)' as failure_message
        from {{ model }}
        where {{ column_name }} is null
        having count(*) > 0
        union all
        select
            '{{ column_name }} = ' || cast({{ column_name }} as varchar)
            || ' appears ' || count(*) || ' times' as failure_message
        from {{ model }}
        where {{ column_name }} is not null
        group by {{ column_name }}
        having count(*) > 1
    {% endset %}
    {{ failing_rows(column_name ~ ' is the key: unique and never null', failures) }}
{% endtest %}
