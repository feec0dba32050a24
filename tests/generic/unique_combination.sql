{#
    A key of several columns: no column of it is null on any row, and no two
    rows share its values (`unique` + `not_null` for a combination; a one-column
    key uses `primary_key`). One failing row per column with null keys, one per
    repeated key. Columns listed in `nullable` may be null (a null groups with
    nulls, so two rows with the same nulls are still a repeat).
#}
{% test unique_combination(model, columns, nullable=[]) %}
    {% set parts = [] %}
    {% for column in columns %}{% do parts.append("coalesce(cast(" ~ column ~ " as varchar), 'null')") %}{% endfor %}
    {% set key = parts | join(" || ' / ' || ") %}
    {% set failures %}
        {% for column in columns if column not in nullable %}
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
