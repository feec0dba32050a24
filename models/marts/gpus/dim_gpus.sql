{#
    One row per GPU: those of the paper (Table J.8) and those the extension adds
    (2020-2025 datasheets); canonical key, names, vendor, type, launch date,
    TDP, and the main peaks (every precision: fct_gpu_datasheet_peaks). The
    GPU dimension every mart and BI user joins on gpu_id.
#}
with gpus as (
    select * from {{ ref('int_gpus_unioned') }}
),

memory as (
    select * from {{ ref('int_gpu_memory') }}
),

final as (
    select
        cast(gpus.gpu_id as varchar) as gpu_id,
        cast(gpus.dataset as varchar) as dataset,
        cast(gpus.gpu_name as varchar) as gpu_name,
        cast(gpus.other_names as varchar) as other_names,
        cast(gpus.vendor as varchar) as vendor,
        cast(gpus.gpu_type as varchar) as gpu_type,
        cast(gpus.architecture as varchar) as architecture,
        cast(gpus.launch_date as date) as launch_date,
        cast(gpus.watts as double) as watts,
        cast(gpus.fp32_tflops as double) as fp32_tflops,
        cast(gpus.fp16_tflops as double) as fp16_tflops,
        cast(gpus.fp16_fp32_tensor_tflops as double) as fp16_fp32_tensor_tflops,
        cast(gpus.fp32_gflops_per_watt as double) as fp32_gflops_per_watt,
        cast(gpus.fp16_gflops_per_watt as double) as fp16_gflops_per_watt,
        cast(gpus.fp16_fp32_tensor_gflops_per_watt as double) as fp16_fp32_tensor_gflops_per_watt,
        cast(gpus.n_precisions as integer) as n_precisions,
        cast(gpus.has_ngc_benchmarks as boolean) as has_ngc_benchmarks,
        cast(gpus.has_extension_peaks as boolean) as has_extension_peaks,
        cast(gpus.n_distinct_attributes as integer) as n_distinct_attributes,
        cast(memory.memory_gb as double) as memory_gb,
        cast(memory.memory_bandwidth_tbs as double) as memory_bandwidth_tbs
    from gpus
    left join memory on gpus.gpu_id = memory.gpu_id
)

select * from final
