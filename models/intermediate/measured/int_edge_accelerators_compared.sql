{#
    Appendix L: the theoretical efficiency of edge AI devices (Table L.12,
    GOPs/W) next to what the paper compares them with, the theoretical
    FP16/FP32 tensor-core GFLOPS/W of NVIDIA GPUs (Table J.8): the best such
    GPU launched by the end of the device's year. Operations of different
    kinds (often INT8 on the devices, FP16 on the GPUs): a ratio of peaks, not
    of work done.
#}
with devices as (
    select * from {{ ref('stg_paper__edge_accelerators') }}
),

gpus as (
    select * from {{ ref('int_gpus_pivoted') }}
    where fp16_fp32_tensor_gflops_per_watt is not null
),

best_gpu_by_year as (
    select
        devices.device_name,
        max(gpus.fp16_fp32_tensor_gflops_per_watt) as best_gpu_tensor_gflops_per_watt,
        arg_max(gpus.gpu_id, gpus.fp16_fp32_tensor_gflops_per_watt) as best_gpu_id
    from devices
    inner join gpus on year(gpus.launch_date) <= devices.release_year
    group by devices.device_name
),

final as (
    select
        devices.device_name,
        devices.release_year,
        devices.device_type,
        devices.gops_per_watt,
        best_gpu_by_year.best_gpu_id,
        best_gpu_by_year.best_gpu_tensor_gflops_per_watt,
        devices.gops_per_watt / best_gpu_by_year.best_gpu_tensor_gflops_per_watt as ratio_to_best_gpu
    from devices
    left join best_gpu_by_year on devices.device_name = best_gpu_by_year.device_name
)

select * from final
