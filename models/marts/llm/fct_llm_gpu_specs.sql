{#
    One row per GPU x LLM precision the serving model can price: the peak its
    kernels run at, the TDP, memory bandwidth and capacity (what
    estimate_llm_joules reads).
#}
with specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

gpus as (
    select
        gpu_id,
        gpu_name
    from {{ ref('dim_gpus') }}
),

final as (
    select
        specs.gpu_id,
        gpus.gpu_name,
        specs.precision,
        specs.bytes_per_parameter,
        specs.peak_number_format,
        specs.peak_tflops,
        specs.tdp_watts,
        specs.memory_bandwidth_tbs,
        specs.memory_gb,
        specs.memory_source
    from specs
    inner join gpus on specs.gpu_id = gpus.gpu_id
)

select * from final
