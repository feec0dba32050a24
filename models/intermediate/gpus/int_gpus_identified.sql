{#
    One row per GPU of Table J.8, the one home of GPU attributes: canonical
    key, the name J.8 prints and the names other tables use for it, vendor,
    type, launch date and TDP. J.8 repeats the attributes on every precision
    row of a GPU; n_distinct_attributes must be 1 (tested), so they can be
    read once.
#}
with gpu_specs as (
    select * from {{ ref('stg_paper__gpu_specs') }}
),

names_elsewhere as (
    select
        gpu_id,
        gpu_label as gpu_name
    from {{ ref('stg_paper__ngc_throughputs') }}
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
        min(gpu_name) as gpu_name,
        min(gpu_type) as gpu_type,
        min(launch_date) as launch_date,
        min(watts) as watts,
        greatest(
            count(distinct gpu_name), count(distinct gpu_type), count(distinct launch_date), count(distinct watts)
        ) as n_distinct_attributes
    from gpu_specs
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

benchmarked as (
    select distinct gpu_id
    from {{ ref('stg_paper__ngc_throughputs') }}
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
        per_gpu.n_distinct_attributes,
        benchmarked.gpu_id is not null as has_ngc_benchmarks
    from per_gpu
    left join aliases on per_gpu.gpu_id = aliases.gpu_id
    left join benchmarked on per_gpu.gpu_id = benchmarked.gpu_id
)

select * from final
