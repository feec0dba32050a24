{#
    One test per seed for everything its YAML says of its columns (fewer, wider
    tests: one query per seed instead of one per column and rule). Every failing
    row comes back once per broken rule, with the rule's sentence in `rule`:
      - the file has every declared column and at least `min_rows` rows (a
        column the YAML does not declare never gets this far: the seed load
        refuses it, macro validate_seed_header);
      - every non-empty value casts to its column's declared `data_type`
        (double, integer, date = ISO YYYY-MM-DD, boolean = true/false, varchar =
        anything). Numbers must be written plainly (integers as digits, doubles
        in decimal or exponent notation), so nothing is coerced: 'nan', 'inf',
        '0x10', '1_000' and an integer '1.5' fail instead of being converted;
      - a column with `meta: {required: true}` has a value on every row (dbt's
        not_null, a little stricter: a value of only spaces is empty too; said as
        "<row>: <column> is empty (the row: <its values>)");
      - a column with `meta: {accepted_values: [...]}` holds only those values
        where it has one (what dbt's accepted_values checks);
      - no value of any column holds a control character (tab, line feed and
        carriage return aside): a NUL or an escape would reach the marts and
        every export.
#}
{% test seed_columns(model, min_rows=1) %}
    {% set node = node_for_relation(model) %}
    {% set present = [] %}
    {% if execute %}
        {% for column in adapter.get_columns_in_relation(model) %}{% do present.append(column.name | lower) %}{% endfor %}
    {% endif %}
    {% set label = row_label(model) %}
    {% set columns_rule = 'the file has the declared columns and at least ' ~ min_rows ~ ' row(s)' %}
    {% set shown = [] %}
    {% for name in present %}{% do shown.append(sql_string(name ~ '=') ~ ' || ' ~ adapter.quote(name)) %}{% endfor %}
    {% set row_values = "left(concat_ws(', ', " ~ (shown | join(', ') if shown else "''") ~ "), 300)" %}
    {% set selects = [] %}
    {% for column in (node.columns.values() if node is not none else []) %}
        {% if (column.name | lower) not in present %}
            {% do selects.append(
                "select " ~ sql_string(columns_rule) ~ " as rule, "
                ~ sql_string("column " ~ column.name ~ " is declared in YAML but missing from the file")
                ~ " as failure_message"
            ) %}
        {% else %}
            {% set meta = column.get('config', {}).get('meta') or column.get('meta') or {} %}
            {% set value = 'trim(' ~ adapter.quote(column.name) ~ ')' %}
            {% set dtype = (column.data_type or '') | lower %}
            {% if dtype %}
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
                {% if ok != 'true' %}
                    {% do selects.append(
                        "select 'values must match the data_type declared in YAML' as rule, "
                        ~ label ~ " || ': column " ~ column.name ~ " = ''' || " ~ value ~ " || ''' is not a valid "
                        ~ ('finite ' if dtype in ['double', 'float', 'real'] else '') ~ dtype
                        ~ (" (expected YYYY-MM-DD)" if dtype == 'date' else "")
                        ~ "' as failure_message from " ~ model
                        ~ " where nullif(" ~ value ~ ", '') is not null and not coalesce(" ~ ok ~ ", false)"
                    ) %}
                {% endif %}
            {% endif %}
            {% if meta.get('required') %}
                {# the row's values too: the empty column may be (part of) the row's key #}
                {% do selects.append(
                    "select " ~ sql_string(column.name ~ " is required (not_null)") ~ " as rule, "
                    ~ label ~ " || ': " ~ column.name ~ " is empty (the row: ' || " ~ row_values
                    ~ " || ')' as failure_message from " ~ model
                    ~ " where nullif(" ~ value ~ ", '') is null"
                ) %}
            {% endif %}
            {% if meta.get('accepted_values') %}
                {% set allowed = [] %}
                {% for item in meta['accepted_values'] %}{% do allowed.append(sql_string(item | string)) %}{% endfor %}
                {% do selects.append(
                    "select " ~ sql_string(column.name ~ " must be one of [" ~ (meta['accepted_values'] | join(', ')) ~ "] (accepted_values)")
                    ~ " as rule, " ~ label ~ " || ': " ~ column.name ~ " = ''' || " ~ value
                    ~ " || '''' as failure_message from " ~ model
                    ~ " where nullif(" ~ value ~ ", '') is not null and " ~ value
                    ~ " not in (" ~ allowed | join(', ') ~ ")"
                ) %}
            {% endif %}
        {% endif %}
    {% endfor %}
    {% set control = '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]' %}
    {% set controls = [] %}
    {% for name in present %}
        {% do controls.append("when regexp_matches(" ~ adapter.quote(name) ~ ", '" ~ control ~ "') then " ~ sql_string(name)) %}
    {% endfor %}
    {% if controls %}
        {% do selects.append(
            "select 'no control characters in a value' as rule, " ~ label
            ~ " || ': column ' || control_column || ' holds a control character' as failure_message"
            ~ " from (select *, case " ~ (controls | join(' ')) ~ " end as control_column from " ~ model ~ ")"
            ~ " where control_column is not null"
        ) %}
    {% endif %}
    {% do selects.append(
        "select " ~ sql_string(columns_rule) ~ " as rule, 'the file has ' || count(*) || ' data row(s), at least "
        ~ min_rows ~ " expected' as failure_message from " ~ model ~ " having count(*) < " ~ min_rows
    ) %}
    {{ selects | join('\nunion all\n') }}
{% endtest %}
