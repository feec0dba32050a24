{# How each accelerator name of the measured results maps to the GPU dimension (seed), typed. #}
with source as (
    select * from {{ ref('extension_accelerator_names') }}
),

typed as (
    select
        trim(accelerator) as accelerator_label,
        nullif(trim(gpu_id), '') as gpu_id,
        nullif(trim(chip), '') as chip,
        trim(vendor) as vendor,
        trim(accelerator_kind) as accelerator_kind,
        nullif(trim(note), '') as note
    from source
)

select * from typed
