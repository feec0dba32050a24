{#
    Eqs. (1)-(2) for every model of both datasets: Joules per inference (per
    generated token for LLMs) = GFLOPs of a forward pass / GFLOPS per Watt
    expected at the model's release date, read from two efficiency fits of the
    model's domain (LLMs use the NLP fits), each found by its structured key
    (seed trend_definitions):
    - the paper's own fit (dataset 'paper'; extrapolated past its last GPU and
      flagged): joules_per_inference, the paper's method;
    - its refit over the 2020-2025 GPUs too (dataset 'paper_and_extension'):
      extended_fit_joules.
    Intervals (macros trend_value_at, joules_per_inference): mean_ci95, of the
    fitted mean efficiency at that date, and pred95, of one GPU released then.
#}
with models as (
    select * from {{ ref('int_models_unioned') }}
),

fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
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
        models.* exclude (efficiency_domain),  -- noqa: RF02, RF03
        fit.trend_id as efficiency_trend_id,
        {{ trend_value_at('fit', 'models.release_date') }} as gflops_per_watt_at_release,
        {{ trend_value_at('fit', 'models.release_date', 'low') }} as gflops_per_watt_at_release_mean_ci95_low,
        {{ trend_value_at('fit', 'models.release_date', 'high') }} as gflops_per_watt_at_release_mean_ci95_high,
        {{ trend_value_at('fit', 'models.release_date', 'pred_low') }} as gflops_per_watt_at_release_pred95_low,
        {{ trend_value_at('fit', 'models.release_date', 'pred_high') }} as gflops_per_watt_at_release_pred95_high,
        models.release_date not between fit.first_date and fit.last_date as is_efficiency_extrapolated,
        models.release_date > fit.last_date as is_after_paper_efficiency_data,
        {{ joules_with_intervals('models.gflops', 'fit', 'models.release_date', 'joules_per_inference') }},
        refit.trend_id as extended_efficiency_trend_id,
        {{ trend_value_at('refit', 'models.release_date') }} as extended_fit_gflops_per_watt,
        {{ joules_with_intervals('models.gflops', 'refit', 'models.release_date', 'extended_fit_joules') }}
    from with_domain as models
    {{ join_efficiency_fit('definitions', 'fits', 'fit', 'models.efficiency_domain') }}
    {{ join_efficiency_fit('definitions', 'fits', 'refit', 'models.efficiency_domain', 'paper_and_extension') }}
)

select * from final
