{#
    Every datasheet peak, one row per dataset x GPU x precision: Table J.8's
    theoretical rows (dataset 'paper') and the 2020-2025 dense peaks (dataset
    'extension'), with what each precision means. The GPU dimension's
    every-precision companion; the extension's out-of-sample test is
    fct_gpu_efficiency_out_of_sample.
#}
with peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
),

final as (
    select
        cast(dataset as varchar) as dataset,
        cast(gpu_id as varchar) as gpu_id,
        cast(gpu_name as varchar) as gpu_name,
        cast(architecture as varchar) as architecture,
        cast(precision as varchar) as precision,
        cast(number_format as varchar) as number_format,
        cast(precision_class as varchar) as precision_class,
        cast(uses_tensor_cores as boolean) as uses_tensor_cores,
        cast(throughput_kind as varchar) as throughput_kind,
        cast(launch_date as date) as launch_date,
        cast(tflops as double) as tflops,
        cast(watts as double) as watts,
        cast(gflops_per_watt as double) as gflops_per_watt,
        cast(is_derived_from_sparse as boolean) as is_derived_from_sparse,
        cast(is_gpu_in_paper as boolean) as is_gpu_in_paper,
        cast(peak_source as varchar) as peak_source
    from peaks
)

select * from final
