{#
    A 2:4-sparse figure typed in as dense doubles a peak. On every NVIDIA GPU
    of the datasheets, halving the format width at most doubles the dense
    tensor peak (TF32 -> FP16/BF16 -> FP8/INT8; B200 is the widest, at 2.05x),
    so a peak more than var dense_peak_max_step_ratio (2.5) times the best peak of the next wider format is
    a sparse figure (or a typo), whatever its sparsity flags say.
#}
{% set failures %}
    with peaks as (
        select * from {{ ref('stg_extension__gpu_datasheet_peaks') }}
    ),

    widths as (
        select
            *,
            case
                when precision = 'tf32_tensor' then 1
                when precision in ('fp16_fp32_tensor', 'fp16_fp16_tensor', 'bf16_tensor') then 2
                when precision in ('fp8_tensor', 'int8_tensor') then 3
            end as width_step
        from peaks
    ),

    best_per_step as (
        select
            gpu_id,
            width_step,
            max(tflops) as best_tflops
        from widths
        where width_step is not null
        group by gpu_id, width_step
    ),

    final as (
        select
            'row ''' || narrower.gpu_id || ' / ' || narrower.precision_label || ''': '
            || narrower.tflops || ' dense is ' || round(narrower.tflops / wider.best_tflops, 2)
            || ' x the best peak of the next wider format (' || wider.best_tflops || ')' as failure_message
        from widths as narrower
        inner join best_per_step as wider
            on narrower.gpu_id = wider.gpu_id and wider.width_step = narrower.width_step - 1
        {# FP16 with FP16 accumulate runs at twice the FP32-accumulate rate on GeForce cards: it is
           compared as the wider format of FP8/INT8 only #}
        where narrower.tflops > {{ var('dense_peak_max_step_ratio') }} * wider.best_tflops and narrower.precision <> 'fp16_fp16_tensor'
    )

    select * from final
{% endset %}
{% set rule = 'a dense tensor peak is at most ' ~ var('dense_peak_max_step_ratio')
    ~ ' x the peak of the next wider format (a sparse figure is not dense)' %}
{{ failing_rows(rule, failures) }}
