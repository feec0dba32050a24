{# Memory of the GPUs not in seed extension_accelerator_memory (seed extension_gpu_memory), typed. #}
with source as (
    select * from {{ ref('extension_gpu_memory') }}
),

typed as (
    select
        trim(gpu_id) as gpu_id,
        {{ typed('memory_gb', 'double') }} as memory_gb,
        nullif(trim(memory_type), '') as memory_type,
        {{ typed('memory_bandwidth_tbs', 'double') }} as memory_bandwidth_tbs,
        trim(source_url) as source_url,
        nullif(trim(confidence), '') as confidence
    from source
)

select * from typed
