{# Memory and peaks of the LLM rows' accelerators (seed extension_accelerator_memory), typed. #}
with source as (
    select * from {{ ref('extension_accelerator_memory') }}
),

typed as (
    select
        trim(accelerator_id) as accelerator_id,
        nullif(trim(gpu_id), '') as gpu_id,
        trim(model) as accelerator_name,
        -- one number or none: the V100 row prints '16 or 32' (variant not stated)
        try_cast(trim(memory_gb) as double) as memory_gb,
        nullif(trim(memory_type), '') as memory_type,
        {{ typed('hbm_bandwidth_tbs', 'double') }} as memory_bandwidth_tbs,
        {{ typed('fp4_dense_tflops', 'double') }} as fp4_dense_tflops,
        {{ typed('tdp_w', 'double') }} as tdp_watts,
        trim(source_url) as source_url,
        nullif(trim(confidence), '') as confidence
    from source
)

select * from typed
