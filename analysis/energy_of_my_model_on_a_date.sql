{#
    Ad hoc: Joules per inference of a model of your own, run on the GPUs of a
    given date: its GFLOPs per forward pass over the GFLOPS/W the domain's
    Fig. 8 fit expects at that date, with the 95 % interval. Edit `my_model`.
#}
with fits as (
    select * from {{ ref('fct_trend_fits') }}
),

my_model as (
    select
        'cv' as domain,
        8.2 as gflops,
        date '2021-01-01' as run_date
)

select
    my_model.domain,
    my_model.gflops,
    my_model.run_date,
    {{ trend_value_at('fit', 'my_model.run_date') }} as gflops_per_watt,
    my_model.gflops / {{ trend_value_at('fit', 'my_model.run_date', 'high') }} as joules_per_inference_mean_ci95_low,
    my_model.gflops / {{ trend_value_at('fit', 'my_model.run_date') }} as joules_per_inference,
    my_model.gflops / {{ trend_value_at('fit', 'my_model.run_date', 'low') }} as joules_per_inference_mean_ci95_high
from my_model
inner join fits as fit
    on fit.quantity = 'gpu_efficiency' and my_model.domain = fit.domain and fit.dataset = 'paper'
