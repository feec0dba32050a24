{#
    Every log-linear trend of the paper, one row per fit: log10(y) =
    intercept_log10 + slope_log10_per_year x (years since reference_date).
    Read a fit at a date with macro trend_value_at.
#}
with gpu_efficiency_fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
),

model_fits as (
    select * from {{ ref('fit_model_trends__ols') }}
),

unioned as (
    select
        *,
        'gflops_per_watt' as y_quantity,
        'gpu launch date' as x_event
    from gpu_efficiency_fits
    union all
    select
        *,
        case when trend_id like 'compute_%' then 'gflops' else 'joules_per_inference' end as y_quantity,
        'model release date' as x_event
    from model_fits
),

described as (
    select
        *,
        case
            when trend_id = 'gpu_efficiency_cv' then 'Fig. 8: GPU GFLOPS/W adapted for CV (CNN), Table J.9 points'
            when trend_id = 'gpu_efficiency_nlp' then 'Fig. 8: GPU GFLOPS/W adapted for NLP, Table J.9 points'
            when trend_id like 'gpu_theoretical_%'
                then
                    concat(
                        'Fig. 7: theoretical GPU GFLOPS/W, Table J.8 ',
                        replace(trend_id, 'gpu_theoretical_', ''),
                        ' rows'
                    )
            when trend_id = 'compute_cv_all' then 'Fig. 3 solid line: GFLOPs of all ImageNet models'
            when trend_id = 'compute_cv_best_of_year'
                then 'Fig. 3 dashed line: GFLOPs of the most accurate model of each year'
            when trend_id = 'compute_nlp_all' then 'Fig. 6 solid line: GFLOPs of all NLP models'
            when trend_id = 'compute_nlp_most_demanding'
                then 'Fig. 6 dashed line: GFLOPs of the NLP models most demanding when released'
            when trend_id = 'energy_cv_all' then 'Fig. 9 solid line: Joules per inference of all ImageNet models'
            when trend_id = 'energy_cv_best_of_year'
                then 'Fig. 9 dashed line: Joules per inference of the most accurate model of each year'
            when trend_id = 'energy_nlp_all' then 'Fig. 10 solid line: Joules per inference of all NLP models'
            when trend_id = 'energy_nlp_most_demanding'
                then 'Fig. 10 dashed line: Joules per inference of the NLP models most demanding when released'
        end as description
    from unioned
),

final as (
    select
        cast(trend_id as varchar) as trend_id,
        cast(description as varchar) as description,
        cast(y_quantity as varchar) as y_quantity,
        cast(x_event as varchar) as x_event,
        cast(n_points as integer) as n_points,
        cast(reference_date as date) as reference_date,
        cast(first_date as date) as first_date,
        cast(last_date as date) as last_date,
        cast(slope_log10_per_year as double) as slope_log10_per_year,
        cast(slope_std_error as double) as slope_std_error,
        cast(slope_ci95_low as double) as slope_ci95_low,
        cast(slope_ci95_high as double) as slope_ci95_high,
        cast(intercept_log10 as double) as intercept_log10,
        cast(intercept_std_error as double) as intercept_std_error,
        cast(r_squared as double) as r_squared,
        cast(residual_std_error as double) as residual_std_error,
        cast(x_mean_years as double) as x_mean_years,
        cast(x_sum_squares as double) as x_sum_squares,
        cast(t_critical as double) as t_critical,
        cast(confidence_level as double) as confidence_level,
        cast(annual_growth_factor as double) as annual_growth_factor,
        cast(pow(10, slope_ci95_low) as double) as annual_growth_factor_ci95_low,
        cast(pow(10, slope_ci95_high) as double) as annual_growth_factor_ci95_high,
        cast(doubling_time_years as double) as doubling_time_years,
        {# interval of the doubling time, defined only when the slope's interval excludes 0 #}
        cast(case when slope_ci95_low > 0 then log10(2) / slope_ci95_high end as double)
            as doubling_time_years_ci95_low,
        cast(case when slope_ci95_low > 0 then log10(2) / slope_ci95_low end as double)
            as doubling_time_years_ci95_high
    from described
)

select * from final
