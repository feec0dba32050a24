{# The (trimmed) value must be one of `values`, compared exactly. Empty values pass (see `required`). #}
{% test accepted_labels(model, column_name, values) %}
    {% set failures %}
        select
            {{ row_label(model) }} || ': {{ column_name }} = ''' || {{ column_name }} || ''' is not one of [{{ values | join(", ") | replace("'", "''") }}]'
            as failure_message
        from {{ model }}
        where nullif(trim({{ column_name }}), '') is not null
            and trim({{ column_name }}) not in ({{ sql_list(values) }})
    {% endset %}
    {{ raise_row_failures(model, column_name ~ ' must be a known label', failures) }}
{% endtest %}
