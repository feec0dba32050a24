{#
    The drawn lines of every trend of fct_trend_fits (Figs. 3 and 6-10, and
    their 2012-2025 refits): fitted value, mean_ci95 and pred95 at 100 dates
    per line span. The figures plot these rows as they are.
#}
with lines as (
    select * from {{ ref('int_trend_lines') }}
),

final as (
    select
        cast(trend_id as varchar) as trend_id,
        cast(dataset as varchar) as dataset,
        cast(line_span as varchar) as line_span,
        cast(point_index as integer) as point_index,
        cast(line_date as date) as line_date,
        cast(is_extrapolated as boolean) as is_extrapolated,
        cast(fitted_value as double) as fitted_value,
        cast(fitted_value_mean_ci95_low as double) as fitted_value_mean_ci95_low,
        cast(fitted_value_mean_ci95_high as double) as fitted_value_mean_ci95_high,
        cast(fitted_value_pred95_low as double) as fitted_value_pred95_low,
        cast(fitted_value_pred95_high as double) as fitted_value_pred95_high
    from lines
)

select * from final
