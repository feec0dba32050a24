{# fct_trend_forecasts: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_trend_forecasts') }}
),

final as (
    select
        cast(trend_id as varchar) as trend_id,
        cast(forecast_year as integer) as forecast_year,
        cast(reading_date as date) as reading_date,
        cast(dataset as varchar) as dataset,
        cast(quantity as varchar) as quantity,
        cast(domain as varchar) as domain,
        cast(subset as varchar) as subset,
        cast(number_format as varchar) as number_format,
        cast(y_quantity as varchar) as y_quantity,
        cast(first_date as date) as first_date,
        cast(last_date as date) as last_date,
        cast(n_points as integer) as n_points,
        cast(fitted_value as double) as fitted_value,
        cast(fitted_value_mean_ci95_low as double) as fitted_value_mean_ci95_low,
        cast(fitted_value_mean_ci95_high as double) as fitted_value_mean_ci95_high,
        cast(fitted_value_pred95_low as double) as fitted_value_pred95_low,
        cast(fitted_value_pred95_high as double) as fitted_value_pred95_high,
        cast(is_extrapolated as boolean) as is_extrapolated,
        cast(years_past_data as double) as years_past_data
    from source_rows
)

select * from final
