{#
    Every model of the paper (int_models_unioned, dataset 'paper') and of the
    extension (dataset 'extension') in one shape, for the 2012-2025 refits and
    the out-of-sample test. Domains: cv, nlp (GLUE encoders, GFLOPs per
    128-token input as Table I.7) and llm (decoder LLMs, GFLOPs per generated
    token from the active parameters). `gflops` is per inference (cv, nlp) or
    per token (llm): `gflops_unit` says which.
#}
with paper_models as (
    select * from {{ ref('int_models_unioned') }}
),

extension_cv as (
    select * from {{ ref('stg_extension__cv_models') }}
),

extension_nlp as (
    select * from {{ ref('stg_extension__nlp_models') }}
),

unioned as (
    select
        'paper' as dataset,
        domain,
        model_id,
        model_name,
        release_date,
        gflops,
        'inference' as gflops_unit,
        params_millions,
        params_millions as active_params_millions,
        performance_score,
        case domain when 'cv' then 'ImageNet top-1' else 'GLUE' end as performance_metric,
        true as is_performance_comparable,
        has_extra_data,
        is_gflops_estimated,
        'paper' as confidence
    from paper_models
    union all
    select
        'extension' as dataset,
        'cv' as domain,
        model_id,
        model_name,
        release_date,
        gflops,
        'inference' as gflops_unit,
        params_millions,
        params_millions as active_params_millions,
        top1_accuracy_pct as performance_score,
        'ImageNet top-1' as performance_metric,
        is_accuracy_comparable as is_performance_comparable,
        has_extra_data,
        is_gflops_estimated,
        confidence
    from extension_cv
    union all
    select
        'extension' as dataset,
        case model_kind when 'glue_encoder' then 'nlp' else 'llm' end as domain,
        model_id,
        model_name,
        release_date,
        case model_kind when 'glue_encoder' then gflops_per_sequence else gflops_per_token end as gflops,
        case model_kind when 'glue_encoder' then 'inference' else 'token' end as gflops_unit,
        params_millions,
        active_params_billions * 1000.0 as active_params_millions,
        score as performance_score,
        benchmark as performance_metric,
        {# only GLUE averages compare with Table I.7's scores; MMLU compares among LLMs #}
        coalesce(benchmark like 'GLUE%' or benchmark like 'MMLU%', false) as is_performance_comparable,
        cast(null as boolean) as has_extra_data,
        false as is_gflops_estimated,
        confidence
    from extension_nlp
),

final as (
    select
        *,
        year(release_date) as release_year
    from unioned
)

select * from final
