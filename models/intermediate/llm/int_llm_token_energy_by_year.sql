{#
    The paper's question for LLMs: Joules per generated token of every decoder
    LLM of the extension (2020-2025) on the GPU of its year, by the paper's
    method (Eq. 2 on the NLP efficiency refitted over both datasets, as
    fct_inference_energy_2012_2025) and by the LLM serving model (an 8-GPU
    server of that GPU at the wall, bf16 weights, MLPerf Offline; the prompt
    not priced: one generated token). The GPU of its year: the most capable GPU
    (highest dense bf16 peak) with LLM specs launched on or before the model's
    release date.
#}
with llms as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper_and_extension' and domain = 'llm'
),

specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
    where precision = 'bf16'
),

gpus as (
    select
        gpu_id,
        launch_date
    from {{ ref('int_gpus_unioned') }}
),

candidates as (
    select
        llms.model_id,
        specs.gpu_id,
        gpus.launch_date,
        row_number() over (
            partition by llms.model_id order by specs.peak_tflops desc, gpus.launch_date desc, specs.gpu_id asc
        ) as capability_rank
    from llms
    inner join gpus on llms.release_date >= gpus.launch_date
    inner join specs on gpus.gpu_id = specs.gpu_id
),

gpu_of_year as (
    select
        model_id,
        gpu_id,
        launch_date
    from candidates
    where capability_rank = 1
),

joined as (
    select
        llms.model_id,
        llms.model_name,
        llms.release_date,
        llms.params_millions,
        llms.active_params_millions,
        llms.extended_fit_joules,
        llms.extended_fit_joules_pred95_low,
        llms.extended_fit_joules_pred95_high,
        gpu_of_year.gpu_id,
        gpu_of_year.launch_date as gpu_launch_date,
        specs.memory_gb,
        specs.bytes_per_parameter,
        {{ llm_serving_prediction(
            'llms.params_millions / 1000', 'llms.active_params_millions / 1000', 'null', 'null', '8',
            'specs.tdp_watts', 'specs.peak_tflops', 'specs.memory_bandwidth_tbs', 'specs.bytes_per_parameter',
            "'offline'", measured_system_host_watts('8', ref('int_measured_system_parameters')),
            ref('int_llm_serving_parameters')
        ) }} as serving
    from llms
    left join gpu_of_year on llms.model_id = gpu_of_year.model_id
    left join specs on gpu_of_year.gpu_id = specs.gpu_id
),

final as (
    select
        joined.model_id,
        joined.model_name,
        joined.release_date,
        joined.params_millions,
        joined.active_params_millions,
        joined.gpu_id,
        joined.gpu_launch_date,
        joined.extended_fit_joules as paper_method_joules_per_token,
        joined.extended_fit_joules_pred95_low as paper_method_joules_per_token_pred95_low,
        joined.extended_fit_joules_pred95_high as paper_method_joules_per_token_pred95_high,
        pow(10, serving.centre) as serving_model_joules_per_token,
        pow(10, serving.centre - serving.half_width) as serving_model_joules_per_token_pred95_low,
        pow(10, serving.centre + serving.half_width) as serving_model_joules_per_token_pred95_high,
        pow(10, serving.centre) / joined.extended_fit_joules as serving_to_paper_ratio,
        -- 8 GPUs hold the weights at bf16 (else the server priced could not serve it alone)
        joined.params_millions / 1000 * joined.bytes_per_parameter <= 8 * joined.memory_gb as fits_in_eight_gpus
    from joined
)

select * from final
