{# Table F.4: mean inference speed-up of mixed precision and TF32 over FP32, per domain and GPU. #}
with speedups as (
    select * from {{ ref('int_mixed_precision_speedups_averaged') }}
),

final as (
    select
        cast(domain as varchar) as domain,
        cast(gpu_id as varchar) as gpu_id,
        cast(precision as varchar) as precision,
        cast(baseline_gpu_id as varchar) as baseline_gpu_id,
        cast(n_benchmarks as integer) as n_benchmarks,
        cast(mean_speedup as double) as mean_speedup,
        cast(min_speedup as double) as min_speedup,
        cast(max_speedup as double) as max_speedup,
        cast(mean_published_speedup as double) as mean_published_speedup
    from speedups
)

select * from final
