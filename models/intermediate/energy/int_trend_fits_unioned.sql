{#
    Every log-linear trend, one row per fit: the paper's (dataset 'paper': the
    GPU-efficiency fits and the model compute / energy fits) and their refits
    over the paper's and the extension's rows (dataset 'paper_and_extension'),
    with what each measures, its structured key and description (seed
    trend_definitions) and the intervals derived from the
    slope's: growth factor per year and doubling time.
#}
with gpu_efficiency_fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
),

model_fits as (
    select * from {{ ref('fit_model_trends__ols') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

bootstrap as (
    select * from {{ ref('fit_trends__bootstrap') }}
),

unioned as (
    select
        *,
        'gpu launch date' as x_event
    from gpu_efficiency_fits
    union all
    select
        *,
        'model release date' as x_event
    from model_fits
),

{# what y measures follows from the trend's structured key: an LLM trend is per generated token #}
measured as (
    select
        unioned.*,
        definitions.dataset,
        case
            when definitions.quantity like 'gpu_%' then 'gflops_per_watt'
            when definitions.quantity = 'compute' and definitions.domain = 'llm' then 'gflops_per_token'
            when definitions.quantity = 'compute' then 'gflops'
            when definitions.domain = 'llm' then 'joules_per_token'
            else 'joules_per_inference'
        end as y_quantity
    from unioned
    left join definitions on unioned.trend_id = definitions.trend_id
),

final as (
    select
        unioned.*,
        definitions.quantity,
        definitions.domain,
        definitions.subset,
        definitions.number_format,
        definitions.extends_trend_id,
        definitions.figure_ref,
        definitions.description,
        definitions.report_label,
        definitions.report_order,
        pow(10, unioned.slope_ci95_low) as annual_growth_factor_ci95_low,
        pow(10, unioned.slope_ci95_high) as annual_growth_factor_ci95_high,
        {# interval of the doubling time, defined only when the slope's interval excludes 0 #}
        case when unioned.slope_ci95_low > 0 then log10(2) / unioned.slope_ci95_high end
            as doubling_time_years_ci95_low,
        case when unioned.slope_ci95_low > 0 then log10(2) / unioned.slope_ci95_low end
            as doubling_time_years_ci95_high,
        {# the bootstrap's percentile intervals, beside the OLS ones (fit_*trends__bootstrap) #}
        bootstrap.bootstrap_resamples,
        bootstrap.bootstrap_seed,
        bootstrap.bootstrap_failed_resamples,
        bootstrap.slope_bootstrap95_low,
        bootstrap.slope_bootstrap95_high,
        pow(10, bootstrap.slope_bootstrap95_low) as annual_growth_factor_bootstrap95_low,
        pow(10, bootstrap.slope_bootstrap95_high) as annual_growth_factor_bootstrap95_high,
        case when bootstrap.slope_bootstrap95_low > 0 then log10(2) / bootstrap.slope_bootstrap95_high end
            as doubling_time_years_bootstrap95_low,
        case when bootstrap.slope_bootstrap95_low > 0 then log10(2) / bootstrap.slope_bootstrap95_low end
            as doubling_time_years_bootstrap95_high
    from measured as unioned
    left join definitions on unioned.trend_id = definitions.trend_id
    left join bootstrap on unioned.trend_id = bootstrap.trend_id
)

select * from final
