{#
    Every datasheet peak the warehouse knows, one row per dataset x GPU x
    precision: the theoretical rows of Table J.8 (dataset 'paper', computed in
    int_gpu_efficiencies_adapted) and the dense peaks of 2020-2025 GPUs
    (dataset 'extension'), with what each precision label means (seed
    precisions). Measured speed-ups (J.9's adapted rows) are not peaks and are
    not here. A GPU that both datasets list keeps both rows; `is_gpu_in_paper`
    marks extension rows of such GPUs.
#}
with paper_peaks as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
    where adapted_for = 'none'
),

paper_gpus as (
    select * from {{ ref('int_gpus_identified') }}
),

extension_peaks as (
    select * from {{ ref('stg_extension__gpu_datasheet_peaks') }}
),

precisions as (
    select * from {{ ref('stg_project__precisions') }}
),

unioned as (
    select
        'paper' as dataset,
        gpu_id,
        gpu_name,
        cast(null as varchar) as architecture,
        precision,
        tflops,
        watts,
        gflops_per_watt,
        launch_date,
        false as is_derived_from_sparse,
        'Table J.8' as peak_source,
        true as is_gpu_in_paper
    from paper_peaks
    union all
    select
        'extension' as dataset,
        extension_peaks.gpu_id,
        extension_peaks.gpu_name,
        extension_peaks.architecture,
        extension_peaks.precision,
        extension_peaks.tflops,
        extension_peaks.watts,
        extension_peaks.gflops_per_watt,
        extension_peaks.launch_date,
        extension_peaks.is_derived_from_sparse,
        extension_peaks.source_url as peak_source,
        paper_gpus.gpu_id is not null as is_gpu_in_paper
    from extension_peaks
    left join paper_gpus on extension_peaks.gpu_id = paper_gpus.gpu_id
),

final as (
    select
        unioned.*,
        precisions.number_format,
        precisions.uses_tensor_cores,
        precisions.throughput_kind,
        precisions.precision_class
    from unioned
    left join precisions on unioned.precision = precisions.precision
)

select * from final
