{# The column must hold a non-empty value in every row. #}
{% test required(model, column_name) %}
    {% set failures %}
        select {{ row_label(model) }} || ': {{ column_name }} is empty' as failure_message
        from {{ model }}
        where nullif(trim(cast({{ column_name }} as varchar)), '') is null
    {% endset %}
    {{ raise_row_failures(model, column_name ~ ' is required', failures) }}
{% endtest %}
