{# Table E.3, typed: NVIDIA NGC inference benchmarks on V100, A100 and T4. #}
with source as (
    select * from {{ ref('ngc_throughputs') }}
),

typed as (
    select
        {{ typed('benchmark_id', 'integer') }} as benchmark_id,
        lower(trim(task)) as domain,
        trim(model_name) as model_name,
        trim(framework) as framework,
        {{ typed('batch_size', 'integer') }} as batch_size,
        {{ gpu_id('gpu_label') }} as gpu_id,
        {{ gpu_memory_gb('gpu_label') }} as gpu_memory_gb,
        trim(gpu_label) as gpu_label,
        {{ canonical_precision('precision_label') }} as precision,
        trim(precision_label) as precision_label,
        {{ typed('throughput_per_second', 'double') }} as throughput_per_second,
        {{ typed('published_speedup', 'double') }} as published_speedup,
        {{ printed_decimals('published_speedup') }} as published_speedup_decimals
    from source
)

select * from typed
