{#
    Every row of the user's catalogue with the rules it breaks (an empty list:
    a valid row) and its typed values. Nothing is dropped: valid rows go on to
    int_catalogue_models_estimated, the others to fct_catalogue_rejects with
    their line and reasons. The rules, the date and the GFLOPs (given, or 2 x
    params x tokens) are macros of macros/catalogue.sql, which scripts/estimate
    calls too (persisted in the warehouse file).
#}
with catalogue as (
    select * from {{ ref('stg_catalogue__models') }}
),

peaks as (
    select * from {{ ref('int_gpu_peaks_by_number_format') }}
),

llm_specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

regions as (
    select * from {{ ref('int_grid_regions') }}
),

{# a line's key: its name on its GPU, precision and scenario (one model priced on several GPUs
   keeps one name). Grouped, not windowed: an ordered aggregate over a window is a view DuckDB
   1.x cannot load #}
names as (
    select
        model_name,
        gpu_id,
        precision,
        scenario,
        count(*) as n_same_name,
        string_agg(cast(line_number as varchar), ', ' order by line_number) as lines_of_name
    from catalogue
    where model_name is not null
    group by model_name, gpu_id, precision, scenario
),

named as (
    select
        catalogue.*,
        names.n_same_name,
        names.lines_of_name
    from catalogue
    left join names
        on
            catalogue.model_name = names.model_name
            and catalogue.gpu_id is not distinct from names.gpu_id
            and catalogue.precision is not distinct from names.precision
            and catalogue.scenario is not distinct from names.scenario
),

{# the rules (macro catalogue_line_reasons, also persisted for scripts/estimate) #}
checked as (
    select
        *,
        {{ catalogue_line_reasons('peaks', 'llm_specs', 'regions') }} as reasons
    from named
),

{# the region's code as the warehouse spells it (FRA for fra), else as written (then rejected) #}
resolved as (
    select
        checked.* exclude (region_code),
        coalesce(regions.region_code, checked.region_code) as region_code
    from checked
    left join regions on lower(checked.region_code) = lower(regions.region_code)
),

final as (
    select
        line_number,
        model_name,
        gflops_text,
        params_millions_text,
        input_tokens_text,
        release_date_text,
        domain,
        gpu_id,
        precision,
        scenario,
        inferences_per_day_text,
        active_params_millions_text,
        output_tokens_text,
        region_code,
        flops_convention,
        reasons,
        try_cast(params_millions_text as double) as params_millions,
        try_cast(input_tokens_text as double) as input_tokens,
        try_cast(inferences_per_day_text as double) as inferences_per_day,
        {# an LLM line's active parameters: all of them where it gives none (a dense model) #}
        coalesce(try_cast(active_params_millions_text as double), try_cast(params_millions_text as double))
            as active_params_millions,
        try_cast(output_tokens_text as double) as output_tokens,
        output_tokens_text is not null or active_params_millions_text is not null as is_llm_line,
        {{ catalogue_release_date('release_date_text') }} as release_date,
        {{ catalogue_gflops(
            'gflops_text', 'params_millions_text', 'input_tokens_text', 'flops_convention'
        ) }} as gflops,
        case
            when try_cast(gflops_text as double) is not null and flops_convention = 'multiply_adds'
                then 'given_multiply_adds_x2'
            when try_cast(gflops_text as double) is not null then 'given'
            else 'params_x_tokens'
        end as gflops_source,
        coalesce(string_split(nullif(reasons, ''), '; '), []) as broken_rules,
        reasons = '' as is_valid
    from resolved
)

select * from final
