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

{#
    on-run-end: after a plain `dbt build` / `dbt run` / `dbt seed` (not one started by
    scripts/build, which sets INFERENCE_ENERGY_SCRIPTED_BUILD), say that the Parquet
    exports and the report were not refreshed. Returns no SQL.
#}
{% macro plain_dbt_build_notice() %}
    {% if execute and flags.WHICH in ['build', 'run', 'seed'] and not env_var('INFERENCE_ENERGY_SCRIPTED_BUILD', '') %}
        {% set folder = target.path.rsplit('/', 1)[0] if '/' in target.path else '.' %}
        {{ log(
            "NOTE: plain `dbt " ~ flags.WHICH ~ "` updated " ~ target.path ~ " only; the Parquet exports"
            ~ " (" ~ folder ~ "/exports/) and the report"
            ~ " are refreshed by ./scripts/build.",
            info=True
        ) }}
    {% endif %}
    {{ return('') }}
{% endmacro %}
