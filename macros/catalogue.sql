{#
    The rules a line of a catalogue of models must keep, as one SQL expression:
    the reasons it breaks them, '; '-separated, in this order ('' for a valid
    line; concat_ws skips the nulls, and there is no lambda, so a view holding it
    stays readable by DuckDB 1.x). The one home of these rules: the catalogue's
    dbt models (int_catalogue_models_validated) render it over their columns and
    on-run-end persists it as the DuckDB macro marts.catalogue_line_reasons,
    which scripts/estimate calls. Arguments are the line's values as written
    (text, trimmed, null when empty; domain, gpu_id, precision, scenario lower-
    cased), how many lines share its name and which, and `peaks`, a relation with
    the GPUs' peaks by number format (gpu_id, number_format): the GPUs and
    precisions a line may name are those the warehouse has a peak for; and
    `regions` (region_code; dim_grid_regions): a line's region, matched without
    regard to case, must be one of them. An LLM
    line (output_tokens or active_params_millions given) is priced by the LLM
    serving model: it needs params_millions, input_tokens, output_tokens,
    gpu_id and precision, and the GPU must have a memory bandwidth and a peak at
    the precision in `llm_specs` (gpu_id, precision; fct_llm_gpu_specs).
#}
{% macro catalogue_line_reasons(peaks, llm_specs, regions) -%}
    concat_ws(
        '; ',
        case when model_name is null then 'name is required' end,
        {# a tab or NUL in a name would reach the marts and every export #}
        case
            when regexp_matches(model_name, '[\x00-\x1f\x7f]')
                then 'name must not hold control characters'
        end,
        {# every line of a repeated key (one model may run on several GPUs, precisions, scenarios):
           which one is meant cannot be told #}
        case
            when model_name is not null and n_same_name > 1
                then 'name is not unique for its gpu_id, precision and scenario (lines ' || lines_of_name || ')'
        end,
        case
            when gflops_text is not null
                and not coalesce(try_cast(gflops_text as double) > 0 and isfinite(try_cast(gflops_text as double)), false)
                then 'gflops must be a positive number' || {{ decimal_comma_hint('gflops_text') }}
        end,
        {# the seeds' gflops_convention: a "GFLOPs" that counts multiply-adds is half the FLOPs #}
        case
            when flops_convention is not null and flops_convention not in ('flops', 'multiply_adds')
                then 'flops_convention must be flops or multiply_adds (a multiply-add is 2 FLOPs)'
        end,
        case
            when flops_convention is not null and gflops_text is null
                then 'flops_convention applies to gflops (parameters x tokens are counted in FLOPs)'
        end,
        case
            when try_cast(gflops_text as double) > {{ var('gflops_per_inference_max') }}
                then 'gflops must be at most {{ var('gflops_per_inference_max') }} (var gflops_per_inference_max: a larger value is a unit slip)'
        end,
        case
            when gflops_text is null and (params_millions_text is null or input_tokens_text is null)
                and output_tokens_text is null and active_params_millions_text is null
                then 'give gflops, or params_millions and input_tokens'
        end,
        {# an LLM line: priced per request from its parameters and tokens #}
        case
            when (output_tokens_text is not null or active_params_millions_text is not null)
                and (params_millions_text is null or input_tokens_text is null or output_tokens_text is null)
                then 'an LLM line (output_tokens or active_params_millions) needs params_millions, input_tokens and output_tokens'
        end,
        case
            when (output_tokens_text is not null or active_params_millions_text is not null) and gflops_text is not null
                then 'an LLM line is priced from its parameters and tokens: leave gflops empty'
        end,
        case
            when output_tokens_text is not null and not coalesce(
                try_cast(output_tokens_text as double) > 0 and isfinite(try_cast(output_tokens_text as double)), false
            )
                then 'output_tokens must be a positive number' || {{ decimal_comma_hint('output_tokens_text') }}
        end,
        case
            when active_params_millions_text is not null and not coalesce(
                try_cast(active_params_millions_text as double) > 0
                and isfinite(try_cast(active_params_millions_text as double)), false
            )
                then 'active_params_millions must be a positive number' || {{ decimal_comma_hint('active_params_millions_text') }}
        end,
        case
            when try_cast(active_params_millions_text as double) > try_cast(params_millions_text as double)
                then 'active_params_millions must be at most params_millions'
        end,
        case
            when (output_tokens_text is not null or active_params_millions_text is not null)
                and gpu_id || '/' || precision not in (
                    select llm_specs.gpu_id || '/' || llm_specs.precision from {{ llm_specs }} as llm_specs
                )
                then 'an LLM line needs a gpu_id with a memory bandwidth and a peak at its precision (marts.fct_llm_gpu_specs)'
        end,
        {# a value given is checked even where gflops makes it unused: never priced from a misread line #}
        case
            when params_millions_text is not null and not coalesce(
                try_cast(params_millions_text as double) > 0 and isfinite(try_cast(params_millions_text as double)), false
            )
                then 'params_millions must be a positive number' || {{ decimal_comma_hint('params_millions_text') }}
        end,
        case
            when input_tokens_text is not null and not coalesce(
                try_cast(input_tokens_text as double) > 0 and isfinite(try_cast(input_tokens_text as double)), false
            )
                then 'input_tokens must be a positive number' || {{ decimal_comma_hint('input_tokens_text') }}
        end,
        case
            when (gpu_id is null) = (release_date_text is null)
                or (gpu_id is null) != (precision is null)
                or (release_date_text is null) != (domain is null)
                then 'give either date and domain, or gpu_id and precision'
        end,
        case
            when release_date_text is not null and {{ catalogue_release_date('release_date_text') }} is null
                then 'date must be a date written YYYY-MM-DD'
        end,
        case
            when domain is not null and domain not in ('cv', 'nlp')
                then 'domain must be cv or nlp'
        end,
        case
            when gpu_id is not null and gpu_id not in (select peaks.gpu_id from {{ peaks }} as peaks)
                then 'unknown gpu_id ' || gpu_id || ' (did you mean '
                    || {{ nearest_known('gpu_id', peaks, 'gpu_id') }} || '? see marts.dim_gpus)'
        end,
        case
            when precision is not null and precision not in (select peaks.number_format from {{ peaks }} as peaks)
                and output_tokens_text is null and active_params_millions_text is null
                then 'precision must be a number format with GPU peaks (marts.fct_gpu_peaks_by_number_format)'
        end,
        {# both known, but not together (a V100 has no fp8 peak): it could not be priced #}
        case
            when gpu_id in (select peaks.gpu_id from {{ peaks }} as peaks)
                and precision in (select peaks.number_format from {{ peaks }} as peaks)
                and gpu_id || '/' || precision not in (
                    select peaks.gpu_id || '/' || peaks.number_format from {{ peaks }} as peaks
                )
                and output_tokens_text is null and active_params_millions_text is null
                then 'gpu_id has no peak at this precision (marts.fct_gpu_peaks_by_number_format)'
        end,
        case
            when scenario is not null and scenario not in ('offline', 'server')
                then 'scenario must be offline or server'
        end,
        {# an option the method ignores is refused, never silently accepted #}
        case
            when scenario is not null and gpu_id is null
                then 'scenario applies to a gpu_id line only (the paper''s method has no serving scenario)'
        end,
        case
            when region_code is not null and inferences_per_day_text is null
                then 'region needs inferences_per_day (it prices gCO2e per year)'
        end,
        case
            when inferences_per_day_text is not null
                and not coalesce(
                    try_cast(inferences_per_day_text as double) >= 0
                    and isfinite(try_cast(inferences_per_day_text as double)),
                    false
                )
                then 'inferences_per_day must be a number >= 0' || {{ decimal_comma_hint('inferences_per_day_text') }}
        end,
        {# never a silent global average: a region the warehouse has no intensity for is refused #}
        case
            when region_code is not null
                and lower(region_code) not in (select lower(regions.region_code) from {{ regions }} as regions)
                then 'unknown region ' || region_code || ' (did you mean '
                    || {{ nearest_known('region_code', regions, 'region_code') }}
                    || '? a region_code of marts.dim_grid_regions, e.g. FRA, USA, WORLD, gcp:europe-west1)'
        end
    )
{%- endmacro %}

{#
    A number written with a decimal comma (8,2, as a ';'-separated CSV from a
    European locale has it) named as such, appended to the rule it breaks: ''
    for any other text.
#}
{% macro decimal_comma_hint(text_sql) -%}
    case
        when regexp_full_match({{ text_sql }}, '[+-]?[0-9]+,[0-9]+')
            then ' (' || {{ text_sql }} || ' has a decimal comma: write ' || replace({{ text_sql }}, ',', '.') || ')'
        else ''
    end
{%- endmacro %}

{#
    The known value nearest to an unknown one, for a "did you mean" hint: the
    `column` of `relation` at the smallest edit distance (case ignored), ties
    broken alphabetically (the distance is zero-padded so that min() orders by it
    first). An aggregate, not order by / limit: it stays a scalar subquery inside
    the persisted macro. The known column is qualified (an unqualified name
    would be the persisted macro's parameter of that name) and renamed
    known_value, so that value_sql, often the same name, binds to the outer line.
#}
{% macro nearest_known(value_sql, relation, column) -%}
    (
        select split_part(min(lpad(levenshtein(lower({{ value_sql }}), lower(known.known_value))::varchar, 6, '0') || '|' || known.known_value), '|', 2)
        from (select known_table.{{ column }} as known_value from {{ relation }} as known_table) as known
    )
{%- endmacro %}

{# A catalogue's date: only when written YYYY-MM-DD and a real date, else null (macro iso_date). #}
{% macro catalogue_release_date(text_sql) -%}
    {{ iso_date(text_sql) }}
{%- endmacro %}

{#
    A catalogue line's GFLOPs per inference: as given (doubled when the line's
    flops_convention says its number counts multiply-adds, as timm's and many
    papers' "GFLOPs" do: a multiply-add is 2 FLOPs), or, when the line gives
    params_millions and input_tokens instead, 2 FLOPs per parameter per token
    (a transformer's forward pass, the paper's NLP convention): 2 x 1e6 params
    x tokens / 1e9 = 2 x params_millions x tokens / 1000.
#}
{% macro catalogue_gflops(gflops_sql, params_millions_sql, input_tokens_sql, flops_convention_sql) -%}
    coalesce(
        try_cast({{ gflops_sql }} as double) * case when {{ flops_convention_sql }} = 'multiply_adds' then 2 else 1 end,
        2 * try_cast({{ params_millions_sql }} as double) * try_cast({{ input_tokens_sql }} as double) / 1000
    )
{%- endmacro %}

{#
    on-run-end: the catalogue rules and GFLOPs as DuckDB macros in the warehouse
    file, for scripts/estimate (and any SQL user checking a file of models):

        select marts.catalogue_line_reasons('m', '7.6', null, null, '2015-12-10', 'cv',
                                            null, null, null, '1000', null, null, 'FRA', null, 1, '2')  -- ''
        select marts.catalogue_gflops(null, '7000', '512', null)              -- 7168
        select marts.catalogue_gflops('4.1', null, null, 'multiply_adds')     -- 8.2

    Skipped when a selection build did not build the peaks marts into this file.
#}
{% macro create_catalogue_macros() %}
    {% if execute %}
        {% set peaks = adapter.get_relation(database=target.database, schema='marts', identifier='fct_gpu_peaks_by_number_format') %}
        {% set llm_specs = adapter.get_relation(database=target.database, schema='marts', identifier='fct_llm_gpu_specs') %}
        {% set regions = adapter.get_relation(database=target.database, schema='marts', identifier='dim_grid_regions') %}
        {% if peaks is not none and llm_specs is not none and regions is not none %}
            {% set sql %}
                create or replace macro marts.catalogue_line_reasons(
                    model_name, gflops_text, params_millions_text, input_tokens_text, release_date_text, domain,
                    gpu_id, precision, scenario, inferences_per_day_text, active_params_millions_text,
                    output_tokens_text, region_code, flops_convention, n_same_name, lines_of_name
                ) as {{ catalogue_line_reasons(
                    peaks.include(database=false), llm_specs.include(database=false), regions.include(database=false)
                ) }};
                create or replace macro marts.catalogue_gflops(
                    gflops_text, params_millions_text, input_tokens_text, flops_convention
                ) as {{ catalogue_gflops('gflops_text', 'params_millions_text', 'input_tokens_text', 'flops_convention') }};
                create or replace macro marts.catalogue_release_date(release_date_text)
                    as {{ catalogue_release_date('release_date_text') }};
            {% endset %}
            {% do run_query(sql) %}
        {% endif %}
    {% endif %}
{% endmacro %}
