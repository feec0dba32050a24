{# SQL literals from Jinja values: a quoted string, and a comma-separated list of them. #}
{% macro sql_string(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}

{% macro sql_list(values) -%}
    {%- for value in values %}{{ sql_string(value) }}{% if not loop.last %}, {% endif %}{% endfor -%}
{%- endmacro %}
