{#
    The GPU dimension's rows: every GPU of Table J.8 (attributes and peaks of
    the paper, int_gpus_pivoted) and every GPU of the extension that J.8 does
    not list (attributes read once per GPU from its datasheet rows;
    n_distinct_attributes must be 1, tested). A GPU in both keeps the
    paper's attributes and peaks; only `architecture` (J.8 prints none) and
    `has_extension_peaks` of a paper GPU come from the extension, so those two
    columns, and no number of the paper, can change with extension rows.
#}
with paper_gpus as (
    select * from {{ ref('int_gpus_pivoted') }}
),

extension_peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
    where dataset = 'extension'
),

extension_gpus as (
    select
        gpu_id,
        min(gpu_name) as gpu_name,
        min(architecture) as architecture,
        min(launch_date) as launch_date,
        min(watts) as watts,
        any_value(tflops) filter (where precision = 'fp32') as fp32_tflops,
        any_value(tflops) filter (where precision = 'fp16_fp32_tensor') as fp16_fp32_tensor_tflops,
        any_value(gflops_per_watt) filter (where precision = 'fp32') as fp32_gflops_per_watt,
        any_value(gflops_per_watt) filter (where precision = 'fp16_fp32_tensor')
            as fp16_fp32_tensor_gflops_per_watt,
        count(*) as n_precisions,
        greatest(
            count(distinct gpu_name), count(distinct architecture), count(distinct launch_date), count(distinct watts)
        ) as n_distinct_attributes,
        bool_or(is_gpu_in_paper) as is_gpu_in_paper
    from extension_peaks
    group by gpu_id
),

final as (
    select
        'paper' as dataset,
        paper_gpus.gpu_id,
        paper_gpus.gpu_name,
        paper_gpus.other_names,
        paper_gpus.vendor,
        paper_gpus.gpu_type,
        extension_gpus.architecture,
        paper_gpus.launch_date,
        paper_gpus.watts,
        paper_gpus.fp32_tflops,
        paper_gpus.fp16_tflops,
        paper_gpus.fp16_fp32_tensor_tflops,
        paper_gpus.fp32_gflops_per_watt,
        paper_gpus.fp16_gflops_per_watt,
        paper_gpus.fp16_fp32_tensor_gflops_per_watt,
        paper_gpus.n_precisions,
        paper_gpus.has_ngc_benchmarks,
        extension_gpus.gpu_id is not null as has_extension_peaks,
        1 as n_distinct_attributes
    from paper_gpus
    left join extension_gpus on paper_gpus.gpu_id = extension_gpus.gpu_id
    union all
    select
        'extension' as dataset,
        gpu_id,
        gpu_name,
        cast(null as varchar) as other_names,
        'NVIDIA' as vendor,
        cast(null as varchar) as gpu_type,
        architecture,
        launch_date,
        watts,
        fp32_tflops,
        cast(null as double) as fp16_tflops,
        fp16_fp32_tensor_tflops,
        fp32_gflops_per_watt,
        cast(null as double) as fp16_gflops_per_watt,
        fp16_fp32_tensor_gflops_per_watt,
        n_precisions,
        false as has_ngc_benchmarks,
        true as has_extension_peaks,
        n_distinct_attributes
    from extension_gpus
    where not is_gpu_in_paper
)

select * from final
