{# Measured J per output token of one model over GPU generations (int_llm_measured_by_gpu). #}
with source_rows as (
    select * from {{ ref('int_llm_measured_by_gpu') }}
),

final as (
    select
        cast(serving_source as varchar) as serving_source,
        cast(measurement_boundary as varchar) as measurement_boundary,
        cast(model_name as varchar) as model_name,
        cast(gpu_id as varchar) as gpu_id,
        cast(gpu_launch_date as date) as gpu_launch_date,
        cast(n_rows as bigint) as n_rows,
        cast(min_joules_per_output_token as double) as min_joules_per_output_token,
        cast(median_joules_per_output_token as double) as median_joules_per_output_token,
        cast(n_gpus_of_model as bigint) as n_gpus_of_model
    from source_rows
)

select * from final
