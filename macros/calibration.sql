{#
    The value a calibration term takes for one row (scripts/calibration.py
    builds the same design in Python): 'intercept' 1, 'log10_datasheet' the
    log10 datasheet estimate, 'scenario=<s>' / 'precision=<p>' 1 when the row
    has that level. The one home of the design in SQL: the predictions mart
    and the persisted DuckDB macro estimate_measured_joules both use it.
#}
{% macro calibration_term_value(term_sql, log10_datasheet_sql, scenario_sql, precision_sql) -%}
    case
        when {{ term_sql }} = 'intercept' then 1.0
        when {{ term_sql }} = 'log10_datasheet' then {{ log10_datasheet_sql }}
        when {{ term_sql }} like 'scenario=%' then cast({{ scenario_sql }} = split_part({{ term_sql }}, '=', 2) as double)
        when {{ term_sql }} like 'precision=%' then cast({{ precision_sql }} = split_part({{ term_sql }}, '=', 2) as double)
    end
{%- endmacro %}

{#
    The chosen measured-energy calibration for one sample as a scalar SQL
    expression (a struct: predicted_joules_per_sample and its pred95 bounds),
    given SQL for its GFLOPs, gpu_id, precision and scenario and the relations
    holding the calibration coefficients and the GPU peaks by number format.
    The one home of the formula: the persisted DuckDB macro
    estimate_measured_joules and the catalogue's estimates (int_catalogue_models_estimated)
    both render it. Null for an unknown precision or scenario, and where the
    GPU has no peak at that precision.
#}
{% macro measured_joules_struct(gflops, gpu_id_value, precision_value, scenario_value, calibration, peaks) -%}
(
    with peak as (
        select log10(({{ gflops }}) / gflops_per_watt) as log10_datasheet
        from {{ peaks }}
        where gpu_id = {{ gpu_id_value }} and number_format = {{ precision_value }}
    ),

    chosen as (
        select * from {{ calibration }}
        where is_chosen
    ),

    valued as (
        select
            chosen.*,
            peak.log10_datasheet,
            {{ calibration_term_value('chosen.term_i', 'peak.log10_datasheet', scenario_value, precision_value) }} as value_i,
            {{ calibration_term_value('chosen.term_j', 'peak.log10_datasheet', scenario_value, precision_value) }} as value_j
        from chosen
        cross join peak
    ),

    summed as (
        select
            any_value(case when uses_offset then log10_datasheet else 0 end)
            + sum(estimate * value_i) filter (where term_i = term_j) as centre,
            any_value(t_critical) * any_value(residual_std_error)
            * sqrt(1 + sum(unscaled_covariance * value_i * value_j)) as half_width
        from valued
    )

    select case when centre is not null
        and {{ scenario_value }} in ('offline', 'server')
        and {{ precision_value }} in ('fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8') then {
        'predicted_joules_per_sample': pow(10, centre),
        'pred95_low_joules_per_sample': pow(10, centre - half_width),
        'pred95_high_joules_per_sample': pow(10, centre + half_width)
    } end
    from summed
)
{%- endmacro %}

{#
    on-run-end: persist the chosen calibration in the warehouse file as a
    DuckDB macro, so a plain SQL user (DuckDB CLI, BI tool) prices any model
    on any GPU without dbt:

        select marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline')
        -- {'predicted_joules_per_sample': ..., 'pred95_low_joules_per_sample': ...,
        --  'pred95_high_joules_per_sample': ...}

    gflops: FLOPs of one sample in GFLOPs (multiply-add = 2); gpu_id: a key
    of dim_gpus; precision: fp32, tf32, fp16, bf16, fp8 or int8; scenario:
    offline or server. Null for any other precision or scenario, and where
    the GPU has no peak at that precision. It
    reads marts.fct_measured_energy_calibration (the chosen candidate) and
    marts.fct_gpu_peaks_by_number_format, and uses the same term values as
    the predictions mart (macro calibration_term_value). Skipped when a
    selection build did not build those marts into this file.
#}
{% macro create_estimate_measured_joules_macro() %}
    {% if execute %}
        {% set calibration = adapter.get_relation(database=target.database, schema='marts', identifier='fct_measured_energy_calibration') %}
        {% set peaks = adapter.get_relation(database=target.database, schema='marts', identifier='fct_gpu_peaks_by_number_format') %}
        {% if calibration is not none and peaks is not none %}
            {% set sql %}
                create or replace macro marts.estimate_measured_joules(gflops, gpu_id_value, precision_value, scenario_value) as
                {{ measured_joules_struct('gflops', 'gpu_id_value', 'precision_value', 'scenario_value',
                                          calibration.include(database=false), peaks.include(database=false)) }}
            {% endset %}
            {% do run_query(sql) %}
        {% endif %}
    {% endif %}
{% endmacro %}
