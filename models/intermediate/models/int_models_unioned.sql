{#
    CV (Table B.2) and NLP (Table I.7) models in one shape, so energy, trends
    and frontiers are computed once for both domains. performance_score is
    top-1 accuracy (%) for CV and the GLUE score for NLP.
#}
with cv_models as (
    select * from {{ ref('stg_paper__cv_models') }}
),

nlp_models as (
    select * from {{ ref('stg_paper__nlp_models') }}
),

unioned as (
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

final as (
    select
        *,
        year(release_date) as release_year
    from unioned
)

select * from final
