{#
    One row per GPU: those of the paper (Table J.8) and those the extension adds
    (2020-2025 datasheets); canonical key, names, vendor, type, launch date,
    TDP, and the main peaks (every precision: fct_gpu_datasheet_peaks). The
    GPU dimension every mart and BI user joins on gpu_id.
#}
with gpus as (
    select * from {{ ref('int_gpus_unioned') }}
),

final as (
    select
        cast(gpu_id as varchar) as gpu_id,
        cast(dataset as varchar) as dataset,
        cast(gpu_name as varchar) as gpu_name,
        cast(other_names as varchar) as other_names,
        cast(vendor as varchar) as vendor,
        cast(gpu_type as varchar) as gpu_type,
        cast(architecture as varchar) as architecture,
        cast(launch_date as date) as launch_date,
        cast(watts as double) as watts,
        cast(fp32_tflops as double) as fp32_tflops,
        cast(fp16_tflops as double) as fp16_tflops,
        cast(fp16_fp32_tensor_tflops as double) as fp16_fp32_tensor_tflops,
        cast(fp32_gflops_per_watt as double) as fp32_gflops_per_watt,
        cast(fp16_gflops_per_watt as double) as fp16_gflops_per_watt,
        cast(fp16_fp32_tensor_gflops_per_watt as double) as fp16_fp32_tensor_gflops_per_watt,
        cast(n_precisions as integer) as n_precisions,
        cast(has_ngc_benchmarks as boolean) as has_ngc_benchmarks,
        cast(has_extension_peaks as boolean) as has_extension_peaks,
        cast(n_distinct_attributes as integer) as n_distinct_attributes
    from gpus
)

select * from final
