{#
    Every row must satisfy `condition` (SQL over the model's columns); `rule`
    is the sentence printed when it does not. Rows where the condition is null
    (a null input) pass: pair with `not_null` where nulls are not allowed.
    `show` lists the columns whose values are printed for a failing row.
#}
{% test row_condition(model, condition, rule, show=[]) %}
    {% set shown = [] %}
    {% for col in show %}
        {% do shown.append("'" ~ col ~ "=' || coalesce(cast(" ~ col ~ " as varchar), 'null')") %}
    {% endfor %}
    {% set failures %}
        select
            {{ row_label(model) }}
            {% if shown %} || ' (' || {{ shown | join(" || ', ' || ") }} || ')'{% endif %}
            as failure_message
        from {{ model }}
        where not ({{ condition }})
    {% endset %}
    {{ failing_rows(rule, failures) }}
{% endtest %}
