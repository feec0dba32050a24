{#
    Energy of every model of both datasets by Eq. (2) read from two efficiency
    fits: the paper's own (fit_gpu_efficiency__ols, 'gpu_efficiency_<domain>',
    extrapolated past its last GPU and flagged) and its refit over the
    2020-2025 GPUs ('gpu_efficiency_<domain>__extended'). LLMs use the NLP
    fits, per generated token. Both fits are found by their structured key (seed
    trend_definitions). Intervals: mean_ci95 for the fitted mean,
    pred95 for one new GPU (macro joules_per_inference).
#}
with models as (
    select * from {{ ref('int_extended_models_unioned') }}
),

paper_fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
),

extended_fits as (
    select * from {{ ref('fit_extended_gpu_efficiency__ols') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

with_domain as (
    select
        *,
        case domain when 'cv' then 'cv' else 'nlp' end as efficiency_domain
    from models
),

final as (
    select
        models.*,
        paper_fit.trend_id as paper_efficiency_trend_id,
        models.release_date > paper_fit.last_date as is_after_paper_efficiency_data,
        {{ trend_value_at('paper_fit', 'models.release_date') }} as paper_method_gflops_per_watt,
        {{ joules_per_inference('models.gflops', 'paper_fit', 'models.release_date') }} as paper_method_joules,
        {{ joules_per_inference('models.gflops', 'paper_fit', 'models.release_date', 'pred_low') }}
            as paper_method_joules_pred95_low,
        {{ joules_per_inference('models.gflops', 'paper_fit', 'models.release_date', 'pred_high') }}
            as paper_method_joules_pred95_high,
        extended_fit.trend_id as extended_efficiency_trend_id,
        {{ trend_value_at('extended_fit', 'models.release_date') }} as extended_fit_gflops_per_watt,
        {{ joules_per_inference('models.gflops', 'extended_fit', 'models.release_date') }} as extended_fit_joules,
        {{ joules_per_inference('models.gflops', 'extended_fit', 'models.release_date', 'low') }}
            as extended_fit_joules_mean_ci95_low,
        {{ joules_per_inference('models.gflops', 'extended_fit', 'models.release_date', 'high') }}
            as extended_fit_joules_mean_ci95_high,
        {{ joules_per_inference('models.gflops', 'extended_fit', 'models.release_date', 'pred_low') }}
            as extended_fit_joules_pred95_low,
        {{ joules_per_inference('models.gflops', 'extended_fit', 'models.release_date', 'pred_high') }}
            as extended_fit_joules_pred95_high
    from with_domain as models
    left join definitions as paper_efficiency
        on
            paper_efficiency.quantity = 'gpu_efficiency'
            and models.efficiency_domain = paper_efficiency.domain
            and paper_efficiency.dataset = 'paper'
    left join paper_fits as paper_fit on paper_efficiency.trend_id = paper_fit.trend_id
    left join definitions as extended_efficiency
        on
            extended_efficiency.quantity = 'gpu_efficiency'
            and models.efficiency_domain = extended_efficiency.domain
            and extended_efficiency.dataset = 'paper_and_extension'
    left join extended_fits as extended_fit on extended_efficiency.trend_id = extended_fit.trend_id
)

select * from final
