{#
    Every model in one shape, one row per model: the paper's CV (Table B.2) and
    NLP (Table I.7) models (dataset 'paper') and the extension's (dataset
    'extension'), so energy, trends and frontiers are computed once. Domains:
    cv, nlp (GLUE encoders, GFLOPs per 128-token input as Table I.7) and llm
    (decoder LLMs, GFLOPs per generated token from the active parameters):
    `gflops_unit` says which. performance_score is top-1 accuracy (%) for CV
    and the GLUE score for NLP (MMLU for LLMs); the paper's own columns
    (input_tokens, top-1, GLUE, extra data, architecture, transcription) are
    null on extension rows. What reads the paper alone filters dataset = 'paper'.
#}
with cv_models as (
    select * from {{ ref('stg_paper__cv_models') }}
),

nlp_models as (
    select * from {{ ref('stg_paper__nlp_models') }}
),

extension_cv as (
    select * from {{ ref('stg_extension__cv_models') }}
),

extension_nlp as (
    select * from {{ ref('stg_extension__nlp_models') }}
),

paper_models as (
    select
        domain,
        model_id,
        model_name,
        release_date,
        gflops,
        cast(null as integer) as input_tokens,
        params_millions,
        top1_accuracy_pct,
        cast(null as double) as glue_score,
        top1_accuracy_pct as performance_score,
        extra_data,
        has_extra_data,
        architecture,
        is_gflops_estimated,
        transcription_status
    from cv_models
    union all
    select
        domain,
        model_id,
        model_name,
        release_date,
        gflops,
        input_tokens,
        params_millions,
        cast(null as double) as top1_accuracy_pct,
        glue_score,
        glue_score as performance_score,
        cast(null as varchar) as extra_data,
        cast(null as boolean) as has_extra_data,
        architecture,
        is_gflops_estimated,
        transcription_status
    from nlp_models
),

unioned as (
    select
        'paper' as dataset,
        *,
        'inference' as gflops_unit,
        params_millions as active_params_millions,
        case domain when 'cv' then 'ImageNet top-1' else 'GLUE' end as performance_metric,
        true as is_performance_comparable,
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
        cast(null as integer) as input_tokens,
        params_millions,
        cast(null as double) as top1_accuracy_pct,
        cast(null as double) as glue_score,
        top1_accuracy_pct as performance_score,
        cast(null as varchar) as extra_data,
        has_extra_data,
        architecture,
        is_gflops_estimated,
        cast(null as varchar) as transcription_status,
        'inference' as gflops_unit,
        params_millions as active_params_millions,
        'ImageNet top-1' as performance_metric,
        is_accuracy_comparable as is_performance_comparable,
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
        cast(null as integer) as input_tokens,
        params_millions,
        cast(null as double) as top1_accuracy_pct,
        cast(null as double) as glue_score,
        score as performance_score,
        cast(null as varchar) as extra_data,
        cast(null as boolean) as has_extra_data,
        cast(null as varchar) as architecture,
        false as is_gflops_estimated,
        cast(null as varchar) as transcription_status,
        case model_kind when 'glue_encoder' then 'inference' else 'token' end as gflops_unit,
        active_params_billions * 1000.0 as active_params_millions,
        benchmark as performance_metric,
        {# only GLUE averages compare with Table I.7's scores; MMLU compares among LLMs #}
        coalesce(benchmark like 'GLUE%' or benchmark like 'MMLU%', false) as is_performance_comparable,
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
