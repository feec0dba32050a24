{#
    The prefill/decode model's Joules per generated token and per request for
    every MLPerf LLM workload x GPU x precision x scenario, on an 8-GPU MLPerf
    system at the wall (host included): the workload's documented input and
    output lengths (the prompt priced only where both are documented), the
    GPU's specs at the precision, the measured-system model's host. Null
    where the model was never fitted for the scenario (interactive: no power
    result in the rounds used).
#}
with workloads as (
    select * from {{ ref('stg_extension__llm_benchmark_workloads') }}
),

specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

-- the scenarios of MLPerf's datacenter LLM benchmarks
scenarios as (
    select canonical_value as scenario from {{ ref('stg_project__llm_vocabulary') }}
    where vocabulary = 'scenario' and canonical_value in ('offline', 'server', 'interactive')
),

grid as (
    select
        workloads.benchmark,
        workloads.model_name,
        workloads.total_params_b,
        workloads.active_params_b,
        workloads.mean_input_tokens as input_tokens,
        workloads.mean_output_tokens as output_tokens,
        specs.gpu_id,
        specs.precision,
        specs.peak_tflops,
        specs.tdp_watts,
        specs.memory_bandwidth_tbs,
        specs.bytes_per_parameter,
        scenarios.scenario,
        8 as n_accelerators
    from workloads
    cross join specs
    cross join scenarios
),

predicted as (
    select
        grid.*,
        {{ llm_serving_prediction(
            'grid.total_params_b', 'grid.active_params_b', 'grid.input_tokens', 'grid.output_tokens',
            'grid.n_accelerators', 'grid.tdp_watts', 'grid.peak_tflops', 'grid.memory_bandwidth_tbs',
            'grid.bytes_per_parameter', 'grid.scenario',
            measured_system_host_watts('grid.n_accelerators', ref('int_measured_system_parameters')),
            ref('int_llm_serving_parameters')
        ) }} as prediction
    from grid
),

final as (
    select
        predicted.benchmark,
        predicted.model_name,
        predicted.gpu_id,
        predicted.precision,
        predicted.scenario,
        predicted.n_accelerators,
        predicted.total_params_b,
        predicted.active_params_b,
        predicted.input_tokens,
        predicted.output_tokens,
        'wall' as measurement_boundary,
        predicted.input_tokens is not null and predicted.output_tokens is not null as is_prompt_priced,
        pow(10, prediction.centre) as predicted_joules_per_output_token,
        pow(10, prediction.centre - prediction.half_width) as pred95_low_joules_per_output_token,
        pow(10, prediction.centre + prediction.half_width) as pred95_high_joules_per_output_token,
        pow(10, prediction.centre) * predicted.output_tokens as predicted_joules_per_request,
        case
            when prediction.centre is null then 'no measured power result of this scenario to fit'
        end as missing_reason
    from predicted
)

select * from final
