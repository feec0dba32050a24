{#
    The line each figure draws for a trend: the fitted value and the 95 %
    confidence interval of the fitted mean at 100 evenly spaced dates between
    the first and last point of the fit, read with macro trend_value_at (the
    one home of the interval formula; the figures never recompute it).
#}
{% set n_points = 100 %}

with fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

grid as (
    select
        fit.*,
        steps.point_index,
        fit.first_date + cast(round(
            date_diff('day', fit.first_date, fit.last_date) * steps.point_index / {{ n_points - 1 }}
        ) as integer) as line_date
    from fits as fit
    cross join range({{ n_points }}) as steps (point_index)
),

final as (
    select
        grid.trend_id,
        grid.point_index,
        grid.line_date,
        {{ trend_value_at('grid', 'grid.line_date') }} as fitted_value,
        {{ trend_value_at('grid', 'grid.line_date', 'low') }} as fitted_value_mean_ci95_low,
        {{ trend_value_at('grid', 'grid.line_date', 'high') }} as fitted_value_mean_ci95_high
    from grid
)

select * from final
