{#
    Table L.12 with the paper's comparison computed: each edge AI device's
    theoretical GOPs/W against the best NVIDIA tensor-core GFLOPS/W available
    in its year (int_edge_accelerators_compared).
#}
with devices as (
    select * from {{ ref('int_edge_accelerators_compared') }}
),

final as (
    select
        cast(device_name as varchar) as device_name,
        cast(release_year as integer) as release_year,
        cast(device_type as varchar) as device_type,
        cast(gops_per_watt as double) as gops_per_watt,
        cast(best_gpu_id as varchar) as best_gpu_id,
        cast(best_gpu_tensor_gflops_per_watt as double) as best_gpu_tensor_gflops_per_watt,
        cast(ratio_to_best_gpu as double) as ratio_to_best_gpu
    from devices
)

select * from final
