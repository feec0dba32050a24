{#
    Dense datasheet peaks of 2020-2025 NVIDIA GPUs, typed, with canonical
    precision labels (macro canonical_precision, datasheet vocabulary) and
    GFLOPS/W recomputed by the same formula as Table J.8 (macro
    gflops_per_watt). The source file's own GFLOPS/W rides along, checked.
#}
with source as (
    select * from {{ ref('extension_gpu_datasheet_peaks') }}
),

typed as (
    select
        trim(gpu_id) as gpu_id,
        trim(gpu) as gpu_name,
        trim(architecture) as architecture,
        nullif(trim(form_factor), '') as form_factor,
        {{ iso_date('launch_date') }} as launch_date,
        nullif(trim(launch_date_kind), '') as launch_date_kind,
        {{ canonical_precision('trim(precision)', vocabulary='datasheet') }} as precision,
        trim(precision) as precision_label,
        {{ typed('tflops_dense', 'double') }} as tflops,
        trim(unit) as unit,
        {{ typed('tflops_published', 'double') }} as tflops_published,
        trim(sparse_published) = 'yes' as is_sparse_figure_published,
        trim(derived_from_sparse) = 'yes (halved)' as is_derived_from_sparse,
        {{ typed('tdp_watts', 'double') }} as watts,
        {{ typed('gflops_per_watt', 'double') }} as source_gflops_per_watt,
        {{ printed_decimals('gflops_per_watt') }} as source_gflops_per_watt_decimals,
        trim(source_url) as source_url,
        trim(source_kind) as source_kind,
        nullif(trim(cross_check), '') as cross_check,
        nullif(trim(note), '') as note
    from source
),

final as (
    select
        *,
        {{ gflops_per_watt('tflops', 'watts') }} as gflops_per_watt
    from typed
)

select * from final
