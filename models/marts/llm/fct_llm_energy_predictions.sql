{#
    The LLM serving model's Joules per generated token and per request for
    every MLPerf LLM workload x GPU x precision x scenario on an 8-GPU server at
    the wall (int_llm_energy_predicted), with the GPU's name.
#}
with predicted as (
    select * from {{ ref('int_llm_energy_predicted') }}
),

gpus as (
    select * from {{ ref('dim_gpus') }}
),

final as (
    select
        cast(predicted.benchmark as varchar) as benchmark,
        cast(predicted.model_name as varchar) as model_name,
        cast(predicted.gpu_id as varchar) as gpu_id,
        cast(gpus.gpu_name as varchar) as gpu_name,
        cast(predicted.precision as varchar) as precision,
        cast(predicted.scenario as varchar) as scenario,
        cast(predicted.n_accelerators as integer) as n_accelerators,
        cast(predicted.total_params_b as double) as total_params_b,
        cast(predicted.active_params_b as double) as active_params_b,
        cast(predicted.input_tokens as double) as input_tokens,
        cast(predicted.output_tokens as double) as output_tokens,
        cast(predicted.is_prompt_priced as boolean) as is_prompt_priced,
        cast(predicted.predicted_joules_per_output_token as double) as predicted_joules_per_output_token,
        cast(predicted.pred95_low_joules_per_output_token as double) as pred95_low_joules_per_output_token,
        cast(predicted.pred95_high_joules_per_output_token as double) as pred95_high_joules_per_output_token,
        cast(predicted.predicted_joules_per_request as double) as predicted_joules_per_request,
        cast(predicted.measurement_boundary as varchar) as measurement_boundary,
        cast(predicted.missing_reason as varchar) as missing_reason
    from predicted
    inner join gpus on predicted.gpu_id = gpus.gpu_id
)

select * from final
