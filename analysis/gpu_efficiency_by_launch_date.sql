{#
    Ad hoc: theoretical GFLOPS per Watt of every GPU and precision of Table J.8,
    newest first. Compile with `dbt compile` or run the rendered SQL in DuckDB.
#}
with gpus as (
    select * from {{ ref('fct_gpu_efficiency') }}
    where adapted_for = 'none'
)

select
    gpu_name,
    precision,
    launch_date,
    gpu_type,
    tflops,
    watts,
    round(gflops_per_watt, 2) as gflops_per_watt
from gpus
order by launch_date desc, gflops_per_watt desc
