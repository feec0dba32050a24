{#
    Every row of the user's catalogue with the rules it breaks (an empty list:
    a valid row) and its typed values. Nothing is dropped: valid rows go on to
    int_catalogue_models_estimated, the others to fct_catalogue_rejects with
    their line and reasons. GFLOPs come from the file, or from params_millions x
    input_tokens x 2 FLOPs (a transformer's forward pass, the paper's NLP
    convention) when the file gives those instead.
#}
with catalogue as (
    select * from {{ ref('stg_catalogue__models') }}
),

gpus as (
    select distinct gpu_id from {{ ref('int_gpu_peaks_by_number_format') }}
),

{# grouped, not windowed: an ordered aggregate over a window is a view DuckDB 1.x cannot load #}
names as (
    select
        model_name,
        count(*) as n_same_name,
        string_agg(cast(line_number as varchar), ', ' order by line_number) as lines_of_name
    from catalogue
    where model_name is not null
    group by model_name
),

typed as (
    select
        catalogue.*,
        names.n_same_name,
        names.lines_of_name,
        try_cast(catalogue.gflops_text as double) as gflops_given,
        try_cast(catalogue.params_millions_text as double) as params_millions,
        try_cast(catalogue.input_tokens_text as double) as input_tokens,
        try_cast(catalogue.inferences_per_day_text as double) as inferences_per_day,
        case
            when regexp_full_match(catalogue.release_date_text, '\d{4}-\d{2}-\d{2}')
                then try_cast(catalogue.release_date_text as date)
        end as release_date,
        catalogue.gpu_id in (select gpus.gpu_id from gpus) as is_known_gpu
    from catalogue
    left join names on catalogue.model_name = names.model_name
),

checked as (
    select
        *,
        {# concat_ws skips the nulls: the rules broken, in order (no lambda: DuckDB 1.x readers
           cannot load a view that holds one) #}
        concat_ws(
            '; ',
            case when model_name is null then 'name is required' end,
            {# every line of a repeated name: which one is meant cannot be told #}
            case
                when model_name is not null and n_same_name > 1
                    then 'name is not unique (lines ' || lines_of_name || ')'
            end,
            case
                when gflops_text is not null and not coalesce(gflops_given > 0 and isfinite(gflops_given), false)
                    then 'gflops must be a positive number'
            end,
            case
                when gflops_text is null and (params_millions_text is null or input_tokens_text is null)
                    then 'give gflops, or params_millions and input_tokens'
            end,
            case
                when
                    gflops_text is null and params_millions_text is not null and input_tokens_text is not null
                    and not coalesce(params_millions > 0 and input_tokens > 0, false)
                    then 'params_millions and input_tokens must be positive numbers'
            end,
            case
                when
                    (gpu_id is null) = (release_date_text is null)
                    or (gpu_id is null) != (precision is null)
                    or (release_date_text is null) != (domain is null)
                    then 'give either date and domain, or gpu_id and precision'
            end,
            case
                when release_date_text is not null and release_date is null
                    then 'date must be a date written YYYY-MM-DD'
            end,
            case
                when domain is not null and domain not in ('cv', 'nlp')
                    then 'domain must be cv or nlp'
            end,
            case
                when gpu_id is not null and not is_known_gpu
                    then 'unknown gpu_id (see marts.dim_gpus)'
            end,
            case
                when precision is not null and precision not in ('fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8')
                    then 'precision must be one of fp32, tf32, fp16, bf16, fp8, int8'
            end,
            case
                when scenario is not null and scenario not in ('offline', 'server')
                    then 'scenario must be offline or server'
            end,
            case
                when
                    inferences_per_day_text is not null
                    and not coalesce(inferences_per_day >= 0 and isfinite(inferences_per_day), false)
                    then 'inferences_per_day must be a number >= 0'
            end
        ) as reasons
    from typed
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
        params_millions,
        input_tokens,
        inferences_per_day,
        release_date,
        reasons,
        coalesce(gflops_given, 2 * params_millions * input_tokens / 1000) as gflops,
        case when gflops_given is not null then 'given' else 'params_x_tokens' end as gflops_source,
        coalesce(string_split(nullif(reasons, ''), '; '), []) as broken_rules,
        reasons = '' as is_valid
    from checked
)

select * from final
