{#
    Many row rules of one table in one test (fewer, wider tests: one query per
    table instead of one per rule). `rules` is a list of
        {rule: sentence, condition: SQL over the columns, show: [columns]}
    and every row that breaks a rule comes back once per broken rule, with
    that rule's sentence in `rule`, so a failure reads exactly as with
    `row_condition`. A null condition (a null input) passes: pair with
    `not_null` where nulls are not allowed.
#}
{% test row_rules(model, rules) %}
    {% set selects = [] %}
    {% for item in rules %}
        {% if not item.rule or not item.condition %}
            {{ exceptions.raise_compiler_error("row_rules on " ~ model ~ ": every rule needs `rule` and `condition`, got " ~ item) }}
        {% endif %}
        {% set shown = [] %}
        {% for col in item.get('show', []) %}
            {% do shown.append("'" ~ col ~ "=' || coalesce(cast(" ~ col ~ " as varchar), 'null')") %}
        {% endfor %}
        {% do selects.append(
            "select " ~ sql_string(item.rule) ~ " as rule, " ~ row_label(model)
            ~ ((" || ' (' || " ~ (shown | join(" || ', ' || ")) ~ " || ')'") if shown else "")
            ~ " as failure_message from " ~ model ~ " where not (" ~ item.condition ~ ")"
        ) %}
    {% endfor %}
    {{ selects | join('\nunion all\n') }}
{% endtest %}
