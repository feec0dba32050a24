{#
    Every non-null value of column_name exists in `field` of model `to`
    (a relationship test that names the orphan rows).
#}
{% test references(model, column_name, to, field) %}
    {% set failures %}
        select
            {{ row_label(model) }} || ': {{ column_name }} = ''' || child.{{ column_name }}
            || ''' has no match in {{ to.identifier }}.{{ field }}' as failure_message
        from {{ model }} as child
        where child.{{ column_name }} is not null
            and not exists (
                select 1 from {{ to }} as parent where parent.{{ field }} = child.{{ column_name }}
            )
    {% endset %}
    {{ raise_row_failures(model, column_name ~ ' must reference ' ~ to.identifier ~ '.' ~ field, failures) }}
{% endtest %}
