{#
    Every non-empty value of a text-loaded seed must be castable to the
    `data_type` declared for its column in the seed YAML (double, integer,
    date = ISO YYYY-MM-DD, boolean = true/false, varchar = anything). Numbers
    must be written plainly (integers as digits, doubles in decimal or exponent
    notation), so nothing is coerced: 'nan', 'inf', '0x10', '1_000' and an
    integer '1.5' fail instead of being converted.
    Columns without a declared data_type are not checked.
#}
{% test declared_types(model) %}
    {% set node = node_for_relation(model) %}
    {% set checks = [] %}
    {% set present = [] %}
    {% if execute %}
        {% for column in adapter.get_columns_in_relation(model) %}{% do present.append(column.name | lower) %}{% endfor %}
    {% endif %}
    {% if node is not none %}
        {# a declared column missing from the file is reported by test declared_columns #}
        {% for column in node.columns.values() if column.data_type and (column.name | lower) in present %}
            {% set dtype = column.data_type | lower %}
            {% set value = 'trim(' ~ adapter.quote(column.name) ~ ')' %}
            {% if dtype == 'date' %}
                {% set ok = inference_energy.iso_date(value) ~ ' is not null' %}
            {% elif dtype == 'boolean' %}
                {% set ok = inference_energy.text_boolean(value) ~ ' is not null' %}
            {% elif dtype in ['varchar', 'text', 'string'] %}
                {% set ok = 'true' %}
            {% elif dtype in ['double', 'float', 'real'] %}
                {# plain decimal notation only: no hex, no digit separators, no nan / inf #}
                {% set ok = "regexp_full_match(" ~ value ~ ", '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?')" %}
            {% elif dtype in ['integer', 'bigint', 'int'] %}
                {# digits only: '1.5' or '0x10' would be rounded or converted by a cast #}
                {% set ok = "regexp_full_match(" ~ value ~ ", '[+-]?[0-9]+')" %}
            {% else %}
                {% set ok = 'try_cast(' ~ value ~ ' as ' ~ dtype ~ ') is not null' %}
            {% endif %}
            {% do checks.append(
                "select " ~ row_label(model) ~ " || ': column " ~ column.name ~ " = ''' || "
                ~ value ~ " || ''' is not a valid " ~ ('finite ' if dtype in ['double', 'float', 'real'] else '')
                ~ dtype ~ (" (expected YYYY-MM-DD)" if dtype == 'date' else "")
                ~ "' as failure_message from " ~ model
                ~ " where nullif(" ~ value ~ ", '') is not null and not coalesce(" ~ ok ~ ", false)"
            ) %}
        {% endfor %}
    {% endif %}
    {% if checks | length == 0 %}
        {% do checks.append("select 'x' as failure_message where false") %}
    {% endif %}
    {{ failing_rows('values must match the data_type declared in YAML', checks | join('\nunion all\n')) }}
{% endtest %}
