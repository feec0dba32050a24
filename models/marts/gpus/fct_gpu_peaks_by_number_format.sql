{#
    The peak each GPU serves each number format with (fp32, tf32, fp16, bf16,
    fp8, int8): tensor cores where it has them, FP16 with FP32 accumulation,
    the paper's row for a GPU in both datasets. What the measured-energy
    estimates, predictions and the macro estimate_measured_joules divide by.
#}
with peaks as (
    select * from {{ ref('int_gpu_peaks_by_number_format') }}
),

final as (
    select
        cast(gpu_id as varchar) as gpu_id,
        cast(number_format as varchar) as number_format,
        cast(peak_precision as varchar) as peak_precision,
        cast(peak_dataset as varchar) as peak_dataset,
        cast(tflops as double) as tflops,
        cast(watts as double) as watts,
        cast(gflops_per_watt as double) as gflops_per_watt
    from peaks
)

select * from final
