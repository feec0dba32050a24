{#
    Table E.3: every benchmark next to its FP32 baseline, the same model and
    framework on the baseline GPU (the GPU itself, or the V100 for the A100:
    var fp32_baseline_gpu_overrides). The speed-up is the ratio of the
    throughputs, not the rounded speed-up the paper printed.
#}
{% set overrides = var('fp32_baseline_gpu_overrides') %}

with benchmarks as (
    select * from {{ ref('stg_paper__ngc_throughputs') }}
),

with_baseline_gpu as (
    select
        *,
        case gpu_id
            {%- for gpu, baseline in overrides.items() %}
                when {{ sql_string(gpu) }} then {{ sql_string(baseline) }}
            {%- endfor %}
            else gpu_id
        end as baseline_gpu_id
    from benchmarks
),

fp32_baselines as (
    select
        domain,
        model_name,
        framework,
        gpu_id,
        benchmark_id,
        throughput_per_second
    from benchmarks
    where precision = 'fp32'
),

paired as (
    select
        with_baseline_gpu.benchmark_id,
        with_baseline_gpu.domain,
        with_baseline_gpu.model_name,
        with_baseline_gpu.framework,
        with_baseline_gpu.batch_size,
        with_baseline_gpu.gpu_id,
        with_baseline_gpu.gpu_label,
        with_baseline_gpu.precision,
        with_baseline_gpu.throughput_per_second,
        with_baseline_gpu.published_speedup,
        with_baseline_gpu.published_speedup_decimals,
        with_baseline_gpu.baseline_gpu_id,
        fp32_baselines.benchmark_id as baseline_benchmark_id,
        fp32_baselines.throughput_per_second as baseline_throughput_per_second,
        with_baseline_gpu.throughput_per_second
        / fp32_baselines.throughput_per_second as speedup_vs_fp32
    from with_baseline_gpu
    left join fp32_baselines
        on
            with_baseline_gpu.domain = fp32_baselines.domain
            and with_baseline_gpu.model_name = fp32_baselines.model_name
            and with_baseline_gpu.framework = fp32_baselines.framework
            and with_baseline_gpu.baseline_gpu_id = fp32_baselines.gpu_id
)

select * from paired
