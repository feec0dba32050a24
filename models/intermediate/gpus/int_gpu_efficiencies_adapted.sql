{#
    Tables J.8 and J.9 computed: GFLOPS per Watt of every GPU and precision.
    adapted_for = 'none': the theoretical peak of J.8 (TFLOPS x 1000 / TDP).
    adapted_for = 'cv' / 'nlp': the baseline GPU's FP32 peak TFLOPS times the
    mean measured speed-up of that domain (Appendix F), over the GPU's own TDP.
    The values the paper printed (J.8, J.9) ride along for comparison.
#}
with gpu_specs as (
    select * from {{ ref('stg_paper__gpu_specs') }}
),

gpus as (
    select * from {{ ref('int_gpus_identified') }}
),

published_j9 as (
    select * from {{ ref('stg_paper__gpu_adapted_specs') }}
),

speedups as (
    select * from {{ ref('int_mixed_precision_speedups_averaged') }}
),

fp32_specs as (
    select * from gpu_specs
    where precision = 'fp32'
),

{# a GPU's name, TDP, launch date and type come from int_gpus_identified, for every row #}
theoretical as (
    select
        gpu_specs.gpu_id,
        gpus.gpu_name,
        gpu_specs.precision,
        'none' as adapted_for,
        gpu_specs.tflops,
        gpus.watts,
        gpus.launch_date,
        gpus.gpu_type,
        cast(null as double) as speedup_vs_fp32,
        cast(null as varchar) as baseline_gpu_id,
        cast(null as bigint) as n_benchmarks,
        gpu_specs.published_gflops_per_watt as published_j8_gflops_per_watt,
        gpu_specs.published_gflops_per_watt_decimals as published_j8_gflops_per_watt_decimals,
        gpu_specs.tflops_printed_decimals
    from gpu_specs
    inner join gpus on gpu_specs.gpu_id = gpus.gpu_id
),

adapted as (
    select
        speedups.gpu_id,
        own.gpu_name,
        speedups.precision,
        speedups.domain as adapted_for,
        baseline_fp32.tflops * speedups.mean_speedup as tflops,
        own.watts,
        own.launch_date,
        own.gpu_type,
        speedups.mean_speedup as speedup_vs_fp32,
        speedups.baseline_gpu_id,
        speedups.n_benchmarks,
        cast(null as double) as published_j8_gflops_per_watt,
        cast(null as integer) as published_j8_gflops_per_watt_decimals,
        cast(null as integer) as tflops_printed_decimals
    {# the GPU's own TDP and launch date; the FP32 peak of its baseline GPU #}
    from speedups
    left join gpus as own on speedups.gpu_id = own.gpu_id
    left join fp32_specs as baseline_fp32 on speedups.baseline_gpu_id = baseline_fp32.gpu_id
),

unioned as (
    select * from theoretical
    union all
    select * from adapted
),

final as (
    select
        unioned.*,
        {{ gflops_per_watt('unioned.tflops', 'unioned.watts') }} as gflops_per_watt,
        published_j9.published_tflops as published_j9_tflops,
        published_j9.published_tflops_decimals as published_j9_tflops_decimals,
        published_j9.published_gflops_per_watt as published_j9_gflops_per_watt,
        published_j9.published_gflops_per_watt_decimals as published_j9_gflops_per_watt_decimals
    from unioned
    left join published_j9
        on
            unioned.gpu_id = published_j9.gpu_id
            and unioned.precision = published_j9.precision
            and unioned.adapted_for = published_j9.adapted_for
)

select * from final
