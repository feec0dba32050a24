{#
    Every log-linear trend of the paper, one row per fit: log10(y) =
    intercept_log10 + slope_log10_per_year x (years since reference_date).
    Read a fit at a date with macro trend_value_at, or its drawn line in
    fct_trend_lines.
#}
with fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

final as (
    select
        cast(trend_id as varchar) as trend_id,
        cast(dataset as varchar) as dataset,
        cast(quantity as varchar) as quantity,
        cast(domain as varchar) as domain,
        cast(subset as varchar) as subset,
        cast(number_format as varchar) as number_format,
        cast(extends_trend_id as varchar) as extends_trend_id,
        cast(figure_ref as varchar) as figure_ref,
        cast(description as varchar) as description,
        cast(report_label as varchar) as report_label,
        cast(report_order as integer) as report_order,
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
        cast(annual_growth_factor_ci95_low as double) as annual_growth_factor_ci95_low,
        cast(annual_growth_factor_ci95_high as double) as annual_growth_factor_ci95_high,
        cast(doubling_time_years as double) as doubling_time_years,
        cast(doubling_time_years_ci95_low as double) as doubling_time_years_ci95_low,
        cast(doubling_time_years_ci95_high as double) as doubling_time_years_ci95_high,
        cast(bootstrap_resamples as integer) as bootstrap_resamples,
        cast(bootstrap_seed as integer) as bootstrap_seed,
        cast(bootstrap_failed_resamples as integer) as bootstrap_failed_resamples,
        cast(slope_bootstrap95_low as double) as slope_bootstrap95_low,
        cast(slope_bootstrap95_high as double) as slope_bootstrap95_high,
        cast(annual_growth_factor_bootstrap95_low as double) as annual_growth_factor_bootstrap95_low,
        cast(annual_growth_factor_bootstrap95_high as double) as annual_growth_factor_bootstrap95_high,
        cast(doubling_time_years_bootstrap95_low as double) as doubling_time_years_bootstrap95_low,
        cast(doubling_time_years_bootstrap95_high as double) as doubling_time_years_bootstrap95_high
    from fits
)

select * from final
