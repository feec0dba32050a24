{#
    Memory capacity and bandwidth per GPU of dim_gpus: the LLM rows'
    accelerators (seed extension_accelerator_memory, where mapped to a GPU) and
    the other GPUs (seed extension_gpu_memory). A GPU in both seeds would
    repeat here and fails the primary key test naming it.
#}
with accelerator_memory as (
    select * from {{ ref('stg_extension__accelerator_memory') }}
    where gpu_id is not null
),

gpu_memory as (
    select * from {{ ref('stg_extension__gpu_memory') }}
),

final as (
    select
        gpu_id,
        memory_gb,
        memory_bandwidth_tbs,
        'extension_accelerator_memory' as memory_source
    from accelerator_memory
    union all
    select
        gpu_id,
        memory_gb,
        memory_bandwidth_tbs,
        'extension_gpu_memory' as memory_source
    from gpu_memory
)

select * from final
