{#
    The prefill/decode LLM serving model's prediction for one MLPerf-style
    system (wall boundary, MLPerf-class serving stack), as a scalar SQL
    expression: a struct of centre (log10 J per output token) and half_width
    (of the 95 % prediction interval of one new row, log10). The formula of
    src/inference_energy/science/llm_serving.py (candidate prefill_decode, source
    mlperf), read from its parameter table (relation `parameters`, columns of
    fct_llm_serving_parameters):

        seconds = 2 x active x 1e9 x (1 + input/output) / (n x peak x 1e12 x 10^u_compute[scenario])
                + total x 1e9 x bytes / (n x bandwidth x 1e12 x 10^decode[scenario])
        watts   = host watts (measured-system model) + n x TDP x 10^share[wall]
        centre  = log10 watts + log10 seconds
        half    = z x sqrt(var_chip + var_within[mlperf])

    input/output counts 0 where either is null (the prompt is then not priced).
    An unfitted scenario (interactive: no power result) or a null input gives
    a null struct. One home of the formula in SQL: the predictions mart and the
    persisted macro estimate_llm_joules render it; pytest holds it to Python.
#}
{% macro llm_serving_prediction(total_params_b, active_params_b, input_tokens, output_tokens, n_accelerators, tdp_watts, peak_tflops, bandwidth_tbs, bytes_per_parameter, scenario, host_watts, parameters) -%}
(
    with fitted as (
        select
            any_value(estimate) filter (
                where parameter = 'log10_accelerator_power_share' and parameter_level = 'wall'
            ) as log10_share,
            any_value(estimate) filter (
                where parameter = 'log10_compute_utilisation' and parameter_level = 'mlperf' and scenario = {{ scenario }}
            ) as log10_compute_utilisation,
            any_value(estimate) filter (
                where parameter = 'log10_decode_batch_x_bandwidth_utilisation'
                and parameter_level = 'mlperf' and scenario = {{ scenario }}
            ) as log10_decode,
            any_value(estimate) filter (where parameter = 'var_chip') as var_chip,
            any_value(estimate) filter (where parameter = 'var_within' and parameter_level = 'mlperf') as var_within,
            any_value(estimate) filter (where parameter = 'z_critical') as z_critical
        from {{ parameters }}
        where candidate_id = 'prefill_decode'
    ),

    predicted as (
        select
            log10(({{ host_watts }}) + ({{ n_accelerators }}) * ({{ tdp_watts }}) * pow(10, log10_share))
            + log10(
                2.0 * ({{ active_params_b }}) * 1e9 * (1 + coalesce(({{ input_tokens }}) / ({{ output_tokens }}), 0))
                / (({{ n_accelerators }}) * ({{ peak_tflops }}) * 1e12 * pow(10, log10_compute_utilisation))
                + ({{ total_params_b }}) * 1e9 * ({{ bytes_per_parameter }})
                / (({{ n_accelerators }}) * ({{ bandwidth_tbs }}) * 1e12 * pow(10, log10_decode))
            ) as centre,
            z_critical * sqrt(var_chip + var_within) as half_width
        from fitted
    )

    select case when centre is not null then {'centre': centre, 'half_width': half_width} end
    from predicted
)
{%- endmacro %}

{#
    The measured-system model's host watts of a system of n accelerators
    (log10_host_watts and log10_host_watts_per_accelerator of the chosen
    candidate in relation `parameters`, columns of
    fct_measured_energy_calibration): the wall power an LLM server draws
    besides its accelerators.
#}
{% macro measured_system_host_watts(n_accelerators, parameters) -%}
(
    select
        pow(10, any_value(estimate) filter (where parameter = 'log10_host_watts'))
        + ({{ n_accelerators }})
        * coalesce(pow(10, any_value(estimate) filter (where parameter = 'log10_host_watts_per_accelerator')), 0)
    from {{ parameters }}
    where is_chosen
)
{%- endmacro %}

{#
    One LLM request on `n_accelerators` GPUs of `gpu_id_value` at a precision
    and MLPerf scenario, in Joules (MLPerf wall boundary): a struct of
    joules_per_request (null where the output length is), joules_per_output_token
    and its pred95 bounds, from llm_serving_prediction with the GPU's specs at
    the precision (relation `specs`, columns of fct_llm_gpu_specs) and the host
    of the measured-system model (relation `host_parameters`). Null where the
    GPU has no bandwidth or peak at the precision, or for an unfitted scenario.
#}
{% macro llm_joules_struct(total_params_b, active_params_b, input_tokens, output_tokens, gpu_id_value, precision_value, scenario_value, n_accelerators_value, parameters, specs, host_parameters) -%}
(
    select case when prediction.centre is not null then {
        'joules_per_request': pow(10, prediction.centre) * ({{ output_tokens }}),
        'joules_per_output_token': pow(10, prediction.centre),
        'pred95_low_joules_per_output_token': pow(10, prediction.centre - prediction.half_width),
        'pred95_high_joules_per_output_token': pow(10, prediction.centre + prediction.half_width)
    } end
    from (
        select {{ llm_serving_prediction(
            total_params_b, active_params_b, input_tokens, output_tokens, n_accelerators_value,
            'spec.tdp_watts', 'spec.peak_tflops', 'spec.memory_bandwidth_tbs', 'spec.bytes_per_parameter',
            scenario_value, measured_system_host_watts(n_accelerators_value, host_parameters), parameters
        ) }} as prediction
        from (select 1) as one_row
        left join {{ specs }} as spec
            on spec.gpu_id = {{ gpu_id_value }} and spec.precision = {{ precision_value }}
    )
)
{%- endmacro %}

{#
    on-run-end: persist the LLM serving model as a DuckDB macro, so a plain
    SQL user prices any LLM request on any GPU without dbt:

        select marts.estimate_llm_joules(70, 70, 300, 300, 'h200_sxm', 'fp8', 'offline')
        -- {'joules_per_request': ..., 'joules_per_output_token': ...,
        --  'pred95_low_joules_per_output_token': ..., 'pred95_high_joules_per_output_token': ...}

    total_params_b, active_params_b: the model's parameters, billions
    (active = total for a dense model); input_tokens, output_tokens: per
    request; gpu_id: a key of dim_gpus; precision: fp16, bf16, fp8, int8, fp4;
    scenario: offline or server (interactive has no power result: null);
    n_accelerators (default 8: the MLPerf systems it was fitted on). MLPerf
    wall boundary (host included). Skipped when a selection build did not
    build the marts it reads into this file.
#}
{% macro create_estimate_llm_joules_macro() %}
    {% if execute %}
        {% set parameters = adapter.get_relation(database=target.database, schema='marts', identifier='fct_llm_serving_parameters') %}
        {% set specs = adapter.get_relation(database=target.database, schema='marts', identifier='fct_llm_gpu_specs') %}
        {% set host = adapter.get_relation(database=target.database, schema='marts', identifier='fct_measured_energy_calibration') %}
        {% if parameters is not none and specs is not none and host is not none %}
            {% set sql %}
                create or replace macro marts.estimate_llm_joules(
                    total_params_b, active_params_b, input_tokens, output_tokens,
                    gpu_id_value, precision_value, scenario_value, n_accelerators_value := 8
                ) as
                {{ llm_joules_struct('total_params_b', 'active_params_b', 'input_tokens', 'output_tokens',
                                     'gpu_id_value', 'precision_value', 'scenario_value', 'n_accelerators_value',
                                     parameters.include(database=false), specs.include(database=false),
                                     host.include(database=false)) }}
            {% endset %}
            {% do run_query(sql) %}
        {% endif %}
    {% endif %}
{% endmacro %}
