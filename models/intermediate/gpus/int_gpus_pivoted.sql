{#
    One row per GPU (int_gpus_identified) with, per precision of Table J.8, the
    theoretical peak TFLOPS and GFLOPS/W (int_gpu_efficiencies_adapted, where
    the formula lives). The source of dim_gpus.
#}
with gpus as (
    select * from {{ ref('int_gpus_identified') }}
),

theoretical as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
    where adapted_for = 'none'
),

peaks as (
    select
        gpu_id,
        any_value(tflops) filter (where precision = 'fp32') as fp32_tflops,
        any_value(tflops) filter (where precision = 'fp16') as fp16_tflops,
        any_value(tflops) filter (where precision = 'fp16_fp32_tensor') as fp16_fp32_tensor_tflops,
        any_value(gflops_per_watt) filter (where precision = 'fp32') as fp32_gflops_per_watt,
        any_value(gflops_per_watt) filter (where precision = 'fp16') as fp16_gflops_per_watt,
        any_value(gflops_per_watt) filter (where precision = 'fp16_fp32_tensor')
            as fp16_fp32_tensor_gflops_per_watt,
        count(*) as n_precisions
    from theoretical
    group by gpu_id
),

final as (
    select
        gpus.gpu_id,
        gpus.gpu_name,
        gpus.other_names,
        gpus.vendor,
        gpus.gpu_type,
        gpus.launch_date,
        gpus.watts,
        peaks.fp32_tflops,
        peaks.fp16_tflops,
        peaks.fp16_fp32_tensor_tflops,
        peaks.fp32_gflops_per_watt,
        peaks.fp16_gflops_per_watt,
        peaks.fp16_fp32_tensor_gflops_per_watt,
        peaks.n_precisions,
        gpus.has_ngc_benchmarks
    from gpus
    left join peaks on gpus.gpu_id = peaks.gpu_id
)

select * from final
