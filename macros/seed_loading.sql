{#
    Every seed column is loaded as text.

    dbt's default guesses each column's type from the file (agate), so one bad
    value either changes the guessed type or fails the load with an error that
    names neither the row nor the rule. Loading text and checking each value
    against the `data_type` declared in the seed YAML (test `declared_types`)
    fails the build with the table, the row key and the column instead. Staging
    models then cast explicitly.
#}
{% macro duckdb__create_csv_table(model, agate_table) %}
    {%- set quote_seed_column = model['config'].get('quote_columns', None) -%}
    {% set sql %}
        create table {{ this.render() }} (
            {%- for col_name in agate_table.column_names -%}
                {{ adapter.quote_seed_column(col_name | string, quote_seed_column) }} varchar
                {%- if not loop.last -%}, {%- endif -%}
            {%- endfor -%}
        )
    {% endset %}
    {% call statement('_') -%}
        {{ sql }}
    {%- endcall %}
    {{ return(sql) }}
{% endmacro %}
