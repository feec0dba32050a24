{#
    Macro trend_value_at and the Python fits agree: at each fit's own points
    the log10 residuals sum to zero and are uncorrelated with x (the OLS normal
    equations).
#}
{% set failures %}
    with fits as (
        select * from {{ ref('fct_trend_fits') }}
    ),

    points as (
        select * from {{ ref('int_gpu_efficiency_fit_points') }}
    ),

    evaluated as (
        select
            fit.trend_id,
            {{ trend_years('fit', 'points.launch_date') }} as x_years,
            log10(points.gflops_per_watt) - log10({{ trend_value_at('fit', 'points.launch_date') }}) as residual
        from points
        inner join fits as fit on points.trend_id = fit.trend_id
    ),

    per_fit as (
        select
            trend_id,
            sum(residual) as residual_sum,
            sum(residual * x_years) as residual_x_sum
        from evaluated
        group by trend_id
    )

    select
        'trend ''' || trend_id || ''': residual sum ' || residual_sum || ', residual x sum ' || residual_x_sum
        as failure_message
    from per_fit
    where abs(residual_sum) > 1e-9 or abs(residual_x_sum) > 1e-9
{% endset %}
{{ failing_rows('trend_value_at reproduces the OLS fit at its points', failures) }}
