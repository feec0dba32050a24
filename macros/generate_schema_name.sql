{#
    Use the configured schema name as is (raw, staging, ...) rather than dbt's
    default "<target_schema>_<custom>", so analysts query raw.cv_models and
    staging.stg_paper__cv_models.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
