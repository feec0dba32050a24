{#
    Eqs. (1)-(2): Joules per inference = GFLOPs of a forward pass / GFLOPS per
    Watt expected at the model's release date, read from its domain's Fig. 8
    fit (gpu_efficiency_cv or gpu_efficiency_nlp), with two intervals (macros
    trend_value_at and joules_per_inference): mean_ci95, of the fitted mean
    efficiency at that date, and pred95, of one GPU released then.
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

final as (
    select
        models.*,
        fit.trend_id as efficiency_trend_id,
        {{ trend_value_at('fit', 'models.release_date') }} as gflops_per_watt_at_release,
        {{ trend_value_at('fit', 'models.release_date', 'low') }} as gflops_per_watt_at_release_mean_ci95_low,
        {{ trend_value_at('fit', 'models.release_date', 'high') }} as gflops_per_watt_at_release_mean_ci95_high,
        {{ trend_value_at('fit', 'models.release_date', 'pred_low') }} as gflops_per_watt_at_release_pred95_low,
        {{ trend_value_at('fit', 'models.release_date', 'pred_high') }} as gflops_per_watt_at_release_pred95_high,
        models.release_date not between fit.first_date and fit.last_date as is_efficiency_extrapolated,
        {{ joules_per_inference('models.gflops', 'fit', 'models.release_date') }} as joules_per_inference,
        {{ joules_per_inference('models.gflops', 'fit', 'models.release_date', 'low') }}
            as joules_per_inference_mean_ci95_low,
        {{ joules_per_inference('models.gflops', 'fit', 'models.release_date', 'high') }}
            as joules_per_inference_mean_ci95_high,
        {{ joules_per_inference('models.gflops', 'fit', 'models.release_date', 'pred_low') }}
            as joules_per_inference_pred95_low,
        {{ joules_per_inference('models.gflops', 'fit', 'models.release_date', 'pred_high') }}
            as joules_per_inference_pred95_high
    {# the domain's efficiency trend, by its structured key (seed trend_definitions) #}
    from models
    left join definitions as efficiency
        on
            efficiency.quantity = 'gpu_efficiency'
            and models.domain = efficiency.domain
            and efficiency.dataset = 'paper'
    left join fits as fit on efficiency.trend_id = fit.trend_id
)

select * from final
