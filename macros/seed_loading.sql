{#
    Every seed column is loaded as text, after its header is checked.

    The header is community-contributed data that dbt would put into SQL: before
    any SQL runs for a seed (before an existing table is dropped or truncated,
    and before the new one is created), every header cell must be a plain
    identifier (lowercase letters, digits, underscores) declared as a column in
    the seed's YAML, or the load stops naming the file and the cell.
    scripts/build checks the same before dbt starts (src/inference_energy/build/seed_files.py);
    this covers plain `dbt seed` / `dbt build`. A declared column missing from the
    file is reported by test seed_columns.

    dbt's default guesses each column's type from the file (agate), so one bad
    value either changes the guessed type or fails the load with an error that
    names neither the row nor the rule. Loading text and checking each value
    against the `data_type` declared in the seed YAML (test `seed_columns`)
    fails the build with the table, the row key and the column instead. Staging
    models then cast explicitly.
#}
{% macro validate_seed_header(model, agate_table) %}
    {%- set declared = [] -%}
    {%- for name in model['columns'].keys() %}{% do declared.append(name | lower) %}{% endfor -%}
    {%- set names = [] -%}
    {%- for col_name in agate_table.column_names %}{% do names.append(col_name | string) %}{% endfor -%}
    {%- for cell in names -%}
        {#- a message shows at most the first 24 characters of a cell -#}
        {%- set shown = cell[:24] ~ ('...' if cell | length > 24 else '') -%}
        {#- agate renames a repeated header cell 'watts' to 'watts_2': name the cell as written -#}
        {%- set repeat = modules.re.fullmatch('(.+)_([0-9]+)', cell) -%}
        {%- if modules.re.fullmatch('[a-z_][a-z0-9_]*', cell) is none -%}
            {{ exceptions.raise_compiler_error(
                "BAD SEED " ~ model['original_file_path'] ~ ": header cell '" ~ shown
                ~ "' is not a plain identifier (rule: seed column names are lowercase letters, digits and"
                ~ " underscores, declared in YAML)"
            ) }}
        {%- elif cell not in declared and repeat is not none and repeat.group(1) in names -%}
            {{ exceptions.raise_compiler_error(
                "BAD SEED " ~ model['original_file_path'] ~ ": header cell '" ~ repeat.group(1)[:24]
                ~ "' is written more than once (rule: each column once)"
            ) }}
        {%- elif cell not in declared -%}
            {{ exceptions.raise_compiler_error(
                "BAD SEED " ~ model['original_file_path'] ~ ": header cell '" ~ shown
                ~ "' is not a column declared in YAML (rule: a seed has exactly the declared columns)"
            ) }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro duckdb__reset_csv_table(model, full_refresh, old_relation, agate_table) %}
    {% do validate_seed_header(model, agate_table) %}
    {{ return(dbt.default__reset_csv_table(model, full_refresh, old_relation, agate_table)) }}
{% endmacro %}

{% macro duckdb__create_csv_table(model, agate_table) %}
    {% do validate_seed_header(model, agate_table) %}
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
