{#
    The peak a GPU serves a number format with, one row per GPU x number
    format (fp32, tf32, fp16, bf16, fp8, int8): its tensor-core peak where it
    has one, else its CUDA-core peak (J.8's FP16 of GPUs without tensor
    cores). FP16 is read with FP32 accumulation (J.8's FP16/FP32 Tensor,
    never the doubled FP16-accumulate rate of GeForce cards), and a GPU in
    both datasets keeps the paper's row. What the measured-energy estimates
    and predictions divide by.
#}
with peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
    where throughput_kind = 'datasheet_peak' and precision <> 'fp16_fp16_tensor'
),

final as (
    select
        gpu_id,
        number_format,
        precision as peak_precision,
        dataset as peak_dataset,
        tflops,
        watts,
        gflops_per_watt
    from peaks
    qualify row_number() over (
        partition by gpu_id, number_format
        order by uses_tensor_cores desc, dataset = 'paper' desc
    ) = 1
)

select * from final
