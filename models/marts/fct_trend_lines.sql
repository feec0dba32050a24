{#
    The drawn line of every trend of fct_trend_fits (Figs. 3 and 6-10): fitted
    value and the 95 % confidence interval of the fitted mean at 100 dates
    spanning the fit's points. The figures plot these rows as they are.
#}
with lines as (
    select * from {{ ref('int_trend_lines') }}
),

final as (
    select
        cast(trend_id as varchar) as trend_id,
        cast(point_index as integer) as point_index,
        cast(line_date as date) as line_date,
        cast(fitted_value as double) as fitted_value,
        cast(fitted_value_mean_ci95_low as double) as fitted_value_mean_ci95_low,
        cast(fitted_value_mean_ci95_high as double) as fitted_value_mean_ci95_high
    from lines
)

select * from final
