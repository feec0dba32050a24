{#
    Every fitted trend (int_trend_fits_unioned: the paper's and the refitted)
    read at mid-year from the year of its first point to var
    forecast_last_year: the fitted value, the interval of the fitted mean
    (mean_ci95) and of one new point (pred95: where one model or GPU of that
    year would fall). A reading past the trend's last data point is
    extrapolation and says so (is_extrapolated, years_past_data): the log-linear
    form is assumed to hold, nothing more.
#}
with fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

reading_years as (
    select
        fits.*,
        unnest(range(year(fits.first_date), {{ var('forecast_last_year') }} + 1)) as forecast_year
    from fits
),

read as (
    select
        *,
        make_date(forecast_year, 7, 1) as reading_date
    from reading_years
),

final as (
    select
        read.trend_id,
        read.forecast_year,
        read.reading_date,
        read.dataset,
        read.quantity,
        read.domain,
        read.subset,
        read.number_format,
        read.y_quantity,
        read.first_date,
        read.last_date,
        read.n_points,
        {{ trend_value_at('read', 'read.reading_date') }} as fitted_value,
        {{ trend_value_at('read', 'read.reading_date', 'low') }} as fitted_value_mean_ci95_low,
        {{ trend_value_at('read', 'read.reading_date', 'high') }} as fitted_value_mean_ci95_high,
        {{ trend_value_at('read', 'read.reading_date', 'pred_low') }} as fitted_value_pred95_low,
        {{ trend_value_at('read', 'read.reading_date', 'pred_high') }} as fitted_value_pred95_high,
        read.reading_date > read.last_date as is_extrapolated,
        greatest(date_diff('day', read.last_date, read.reading_date), 0) / 365.25 as years_past_data
    from read
)

select * from final
