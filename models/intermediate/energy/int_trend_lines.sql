{#
    The lines the figures draw for each trend, read with macro trend_value_at
    (the one home of the interval formulas; the figures never recompute them):
    the fitted value, the 95 % confidence interval of the fitted mean
    (mean_ci95) and the 95 % prediction interval of one new point (pred95)
    at 100 evenly spaced dates.
    - line_span 'fit': from the fit's first to its last point;
    - line_span 'to_refit_end': a paper fit that a '__extended' refit extends,
      drawn on to the refit's last point (the paper's trend extrapolated, for
      the out-of-sample figures). Its own rows never depend on the refit's
      span, so adding extension data never moves a paper fit's 'fit' line.
#}
{% set n_points = 100 %}

with fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

spans as (
    select
        fits.*,
        'fit' as line_span,
        fits.last_date as line_end
    from fits
    union all
    select
        paper.*,
        'to_refit_end' as line_span,
        max(refit.last_date) as line_end
    from fits as paper
    inner join fits as refit on paper.trend_id = refit.extends_trend_id
    group by all
),

grid as (
    select
        spans.*,
        steps.point_index,
        spans.first_date + cast(round(
            date_diff('day', spans.first_date, spans.line_end) * steps.point_index / {{ n_points - 1 }}
        ) as integer) as line_date
    from spans
    cross join range({{ n_points }}) as steps (point_index)
),

final as (
    select
        grid.trend_id,
        grid.dataset,
        grid.line_span,
        grid.point_index,
        grid.line_date,
        grid.line_date > grid.last_date as is_extrapolated,
        {{ trend_value_at('grid', 'grid.line_date') }} as fitted_value,
        {{ trend_value_at('grid', 'grid.line_date', 'low') }} as fitted_value_mean_ci95_low,
        {{ trend_value_at('grid', 'grid.line_date', 'high') }} as fitted_value_mean_ci95_high,
        {{ trend_value_at('grid', 'grid.line_date', 'pred_low') }} as fitted_value_pred95_low,
        {{ trend_value_at('grid', 'grid.line_date', 'pred_high') }} as fitted_value_pred95_high
    from grid
)

select * from final
