{#
    The chosen measured-system model's prediction for one system, as a scalar
    SQL expression: a struct of centre (log10 J/sample), half_width (of the
    95 % prediction interval of one new result, log10) and host_share (the
    fitted host's share of the wall power). The formula of
    src/inference_energy/science/measured_system.py, read from its parameter
    table (relation `parameters`, columns of int_measured_system_parameters):

        host watts  = 10^log10_host_watts + n x 10^log10_host_watts_per_accelerator
        accelerator = n x 10^log10_accelerator_power_share[power mode] x TDP
        log10 u     = log10_utilisation[scenario, compute format]
                      + utilisation_gflops_exponent x log10 GFLOPs
                      + utilisation_peak_exponent x log10 peak TFLOPS
        centre      = log10(host + accelerator) - log10 u - log10(n x peak x 1000 / GFLOPs)
        half_width  = z x sqrt(var_chip + var_host x host_share^2 + var_within)

    A term the chosen candidate does not have has no row (its part is 0). An
    unfitted level (power mode, scenario x compute format) or a null input
    gives a null struct. One home of the formula in SQL: the predictions
    mart, the persisted DuckDB macro estimate_measured_joules and the
    catalogue all render it; pytest holds it to the Python predict.
#}
{% macro measured_system_prediction(gflops, n_accelerators, tdp_watts, peak_tflops, scenario, compute_format, power_mode, parameters) -%}
(
    with chosen as (
        select * from {{ parameters }}
        where is_chosen
    ),

    fitted as (
        select
            any_value(estimate) filter (where parameter = 'log10_host_watts') as log10_host_watts,
            any_value(estimate) filter (where parameter = 'log10_host_watts_per_accelerator')
                as log10_host_watts_per_accelerator,
            any_value(estimate) filter (
                where parameter = 'log10_accelerator_power_share'
                and (power_mode = {{ power_mode }} or power_mode is null)
            ) as log10_accelerator_power_share,
            any_value(estimate) filter (
                where parameter = 'log10_utilisation'
                and scenario = {{ scenario }} and compute_format = {{ compute_format }}
            ) as log10_utilisation_cell,
            coalesce(any_value(estimate) filter (where parameter = 'utilisation_gflops_exponent'), 0)
                as utilisation_gflops_exponent,
            coalesce(any_value(estimate) filter (where parameter = 'utilisation_peak_exponent'), 0)
                as utilisation_peak_exponent,
            any_value(estimate) filter (where parameter = 'var_chip') as var_chip,
            any_value(estimate) filter (where parameter = 'var_host') as var_host,
            any_value(estimate) filter (where parameter = 'var_within') as var_within,
            any_value(estimate) filter (where parameter = 'z_critical') as z_critical
        from chosen
    ),

    watts as (
        select
            fitted.*,
            pow(10, log10_host_watts)
            + coalesce(({{ n_accelerators }}) * pow(10, log10_host_watts_per_accelerator), 0) as host_watts,
            ({{ n_accelerators }}) * pow(10, log10_accelerator_power_share) * ({{ tdp_watts }}) as accelerator_watts
        from fitted
    ),

    predicted as (
        select
            log10(host_watts + accelerator_watts)
            - (
                log10_utilisation_cell
                + utilisation_gflops_exponent * log10({{ gflops }})
                + utilisation_peak_exponent * log10({{ peak_tflops }})
            )
            - log10(({{ n_accelerators }}) * ({{ peak_tflops }}) * 1000.0 / ({{ gflops }})) as centre,
            host_watts / (host_watts + accelerator_watts) as host_share,
            var_chip,
            var_host,
            var_within,
            z_critical
        from watts
    )

    select case when centre is not null then {
        'centre': centre,
        'half_width': z_critical * sqrt(var_chip + var_host * host_share * host_share + var_within),
        'host_share': host_share
    } end
    from predicted
)
{%- endmacro %}

{#
    The chosen measured-system model for one sample of `gflops` GFLOPs on
    `n_accelerators` of a GPU at a compute format, scenario and power mode, in
    Joules (a struct: predicted_joules_per_sample and its pred95 bounds):
    measured_system_prediction with the GPU's peak TFLOPS and TDP at that
    format (relation `peaks`). Null where the GPU has no peak at that format
    (an unknown format included), and for a scenario, format or power mode
    the model was never fitted on.
#}
{% macro measured_joules_struct(gflops, gpu_id_value, precision_value, scenario_value, n_accelerators_value, power_mode_value, parameters, peaks) -%}
(
    select case when prediction.centre is not null then {
        'predicted_joules_per_sample': pow(10, prediction.centre),
        'pred95_low_joules_per_sample': pow(10, prediction.centre - prediction.half_width),
        'pred95_high_joules_per_sample': pow(10, prediction.centre + prediction.half_width)
    } end
    from (
        select {{ measured_system_prediction(
            gflops, n_accelerators_value, 'peak.watts', 'peak.tflops',
            scenario_value, precision_value, power_mode_value, parameters
        ) }} as prediction
        from (select 1) as one_row
        left join {{ peaks }} as peak
            on peak.gpu_id = {{ gpu_id_value }} and peak.number_format = {{ precision_value }}
    )
)
{%- endmacro %}

{#
    on-run-end: persist the chosen measured-system model in the warehouse file
    as a DuckDB macro, so a plain SQL user (DuckDB CLI, BI tool) prices any
    model on any GPU without dbt:

        select marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline')
        select marts.estimate_measured_joules(8.2, 'l4', 'int8', 'server', n_accelerators := 1)
        -- {'predicted_joules_per_sample': ..., 'pred95_low_joules_per_sample': ...,
        --  'pred95_high_joules_per_sample': ...}

    gflops: FLOPs of one sample in GFLOPs (multiply-add = 2); gpu_id: a key
    of dim_gpus; precision: the compute format (fp32, tf32, fp16, bf16, fp8,
    int8); scenario: offline or server; n_accelerators (default 8) and
    power_mode (MaxQ, the default, or MaxP): the system. Null where the GPU
    has no peak at that format or the model never saw that scenario, format
    or power mode. It reads marts.fct_measured_energy_calibration (the chosen
    candidate's parameters) and marts.fct_gpu_peaks_by_number_format, through
    the same macro as the predictions mart. Skipped when a selection build did
    not build those marts into this file.
#}
{% macro create_estimate_measured_joules_macro() %}
    {% if execute %}
        {% set calibration = adapter.get_relation(database=target.database, schema='marts', identifier='fct_measured_energy_calibration') %}
        {% set peaks = adapter.get_relation(database=target.database, schema='marts', identifier='fct_gpu_peaks_by_number_format') %}
        {% if calibration is not none and peaks is not none %}
            {% set sql %}
                create or replace macro marts.estimate_measured_joules(
                    gflops, gpu_id_value, precision_value, scenario_value,
                    n_accelerators_value := 8, power_mode_value := 'MaxQ'
                ) as
                {{ measured_joules_struct('gflops', 'gpu_id_value', 'precision_value', 'scenario_value',
                                          'n_accelerators_value', 'power_mode_value',
                                          calibration.include(database=false), peaks.include(database=false)) }}
            {% endset %}
            {% do run_query(sql) %}
        {% endif %}
    {% endif %}
{% endmacro %}
