{#
    One row per GPU of Table J.8: its canonical key, the name J.8 prints and
    the other names the paper's tables use for it, launch date, TDP and, per
    precision, peak TFLOPS and GFLOPS/W (from int_gpu_efficiencies_adapted,
    where the formula lives). The source of dim_gpus and of every GPU
    attribute downstream.
#}
with theoretical as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
    where adapted_for = 'none'
),

ngc as (
    select * from {{ ref('stg_paper__ngc_throughputs') }}
),

names_elsewhere as (
    select
        gpu_id,
        gpu_label as gpu_name
    from ngc
    union
    select
        gpu_id,
        gpu_name
    from {{ ref('stg_paper__gpu_adapted_specs') }}
    union
    select
        gpu_id,
        gpu_name
    from {{ ref('stg_paper__nvml_energy_measurements') }}
    union
    select
        gpu_id,
        gpu_name
    from {{ ref('stg_paper__resnet50_review_energy') }}
),

per_gpu as (
    select
        gpu_id,
        {# J.8 prints one name, TDP and launch date per GPU; its FP32 row is the reference #}
        coalesce(any_value(gpu_name) filter (where precision = 'fp32'), min(gpu_name)) as gpu_name,
        coalesce(any_value(gpu_type) filter (where precision = 'fp32'), min(gpu_type)) as gpu_type,
        coalesce(any_value(launch_date) filter (where precision = 'fp32'), min(launch_date)) as launch_date,
        coalesce(any_value(watts) filter (where precision = 'fp32'), min(watts)) as watts,
        any_value(tflops) filter (where precision = 'fp32') as fp32_tflops,
        any_value(tflops) filter (where precision = 'fp16') as fp16_tflops,
        any_value(tflops) filter (where precision = 'fp16_fp32_tensor') as fp16_fp32_tensor_tflops,
        any_value(gflops_per_watt) filter (where precision = 'fp32') as fp32_gflops_per_watt,
        any_value(gflops_per_watt) filter (where precision = 'fp16') as fp16_gflops_per_watt,
        any_value(gflops_per_watt) filter (where precision = 'fp16_fp32_tensor')
            as fp16_fp32_tensor_gflops_per_watt,
        count(*) as n_precisions
    from theoretical
    group by gpu_id
),

aliases as (
    select
        names_elsewhere.gpu_id,
        string_agg(distinct names_elsewhere.gpu_name, '; ' order by names_elsewhere.gpu_name) as other_names
    from names_elsewhere
    inner join per_gpu on names_elsewhere.gpu_id = per_gpu.gpu_id
    where names_elsewhere.gpu_name <> per_gpu.gpu_name
    group by names_elsewhere.gpu_id
),

final as (
    select
        per_gpu.gpu_id,
        per_gpu.gpu_name,
        aliases.other_names,
        {# Table J.8 lists NVIDIA GPUs only #}
        'NVIDIA' as vendor,
        per_gpu.gpu_type,
        per_gpu.launch_date,
        per_gpu.watts,
        per_gpu.fp32_tflops,
        per_gpu.fp16_tflops,
        per_gpu.fp16_fp32_tensor_tflops,
        per_gpu.fp32_gflops_per_watt,
        per_gpu.fp16_gflops_per_watt,
        per_gpu.fp16_fp32_tensor_gflops_per_watt,
        per_gpu.n_precisions,
        per_gpu.gpu_id in (select distinct ngc.gpu_id from ngc) as has_ngc_benchmarks
    from per_gpu
    left join aliases on per_gpu.gpu_id = aliases.gpu_id
)

select * from final
