{#
    Ad hoc: expected GFLOPS per Watt for each domain at a date of your choice,
    with its 95 % confidence interval, read from the Fig. 8 fits. Change the
    date in `asked`.
#}
with fits as (
    select * from {{ ref('fct_trend_fits') }}
    where trend_id in ('gpu_efficiency_cv', 'gpu_efficiency_nlp')
),

asked as (
    select date '2021-06-01' as asked_date
)

select
    fit.trend_id,
    asked.asked_date,
    {{ trend_value_at('fit', 'asked.asked_date', 'low') }} as gflops_per_watt_ci95_low,
    {{ trend_value_at('fit', 'asked.asked_date') }} as gflops_per_watt,
    {{ trend_value_at('fit', 'asked.asked_date', 'high') }} as gflops_per_watt_ci95_high
from fits as fit
cross join asked
