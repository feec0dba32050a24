{#
    Measured Joules per output token over GPU generations: per source
    (MLPerf at the wall, ML.ENERGY GPU only, never pooled), model and GPU, the
    lowest (the most efficient configuration measured) and the median of the
    fitted rows, for the models measured on at least two GPUs of one source:
    the same model on A100 -> H100 -> H200 -> B200 where measured.
#}
with measured as (
    select * from {{ ref('int_llm_measurements_mapped') }}
    where exclusion_reason is null
),

gpus as (
    select
        gpu_id,
        launch_date
    from {{ ref('int_gpus_unioned') }}
),

by_gpu as (
    select
        serving_source,
        measurement_boundary,
        gpu_id,
        coalesce(benchmark, model_name) as model_name,
        count(*) as n_rows,
        min(joules_per_output_token) as min_joules_per_output_token,
        median(joules_per_output_token) as median_joules_per_output_token
    from measured
    group by serving_source, measurement_boundary, coalesce(benchmark, model_name), gpu_id
),

compared as (
    select
        *,
        count(*) over (partition by serving_source, model_name) as n_gpus_of_model
    from by_gpu
),

final as (
    select
        compared.serving_source,
        compared.measurement_boundary,
        compared.model_name,
        compared.gpu_id,
        gpus.launch_date as gpu_launch_date,
        compared.n_rows,
        compared.min_joules_per_output_token,
        compared.median_joules_per_output_token,
        compared.n_gpus_of_model
    from compared
    inner join gpus on compared.gpu_id = gpus.gpu_id
    where compared.n_gpus_of_model >= 2
)

select * from final
