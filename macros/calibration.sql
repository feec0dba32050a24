{#
    The value a calibration term takes for one row (src/inference_energy/science/calibration.py
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
    The chosen calibration's log10 prediction for one row, as a scalar SQL
    expression: a struct of centre (offset + sum of coefficient x term value)
    and half_width (t x s x sqrt(1 + v' (X'X)^-1 v), the 95 % prediction
    interval of one new result), given SQL for the row's log10 datasheet
    Joules, scenario and precision and the relation of calibration
    coefficients (columns of int_calibration_terms). The one home of the
    formula: the predictions (int_measured_energy_predicted), the persisted
    DuckDB macro estimate_measured_joules and the catalogue's estimates all
    render it (the last two through measured_joules_struct). A null log10
    datasheet (no peak) gives a null centre.
#}
{% macro calibration_log10_prediction(log10_datasheet_sql, scenario_sql, precision_sql, calibration) -%}
(
    with chosen as (
        select * from {{ calibration }}
        where is_chosen
    ),

    valued as (
        select
            chosen.*,
            {{ calibration_term_value('chosen.term_i', log10_datasheet_sql, scenario_sql, precision_sql) }} as value_i,
            {{ calibration_term_value('chosen.term_j', log10_datasheet_sql, scenario_sql, precision_sql) }} as value_j
        from chosen
    ),

    summed as (
        select
            any_value(case when uses_offset then {{ log10_datasheet_sql }} else 0 end)
            + sum(estimate * value_i) filter (where term_i = term_j) as centre,
            any_value(t_critical) * any_value(residual_std_error)
            * sqrt(1 + sum(unscaled_covariance * value_i * value_j)) as half_width
        from valued
    )

    {# no datasheet estimate (no peak), no prediction: sum() would skip its null term #}
    select case when ({{ log10_datasheet_sql }}) is not null then {'centre': centre, 'half_width': half_width} end
    from summed
)
{%- endmacro %}

{#
    The chosen calibration for one sample of `gflops` GFLOPs on a GPU at a
    precision and scenario, in Joules (a struct: predicted_joules_per_sample
    and its pred95 bounds): calibration_log10_prediction of the datasheet
    estimate, GFLOPs / the GPU's peak GFLOPS/W at that number format (relation
    `peaks`). Null where the GPU has no peak at that precision (an unknown
    precision included) and for a scenario other than offline / server.
#}
{% macro measured_joules_struct(gflops, gpu_id_value, precision_value, scenario_value, calibration, peaks) -%}
(
    select case when prediction.centre is not null and {{ scenario_value }} in ('offline', 'server') then {
        'predicted_joules_per_sample': pow(10, prediction.centre),
        'pred95_low_joules_per_sample': pow(10, prediction.centre - prediction.half_width),
        'pred95_high_joules_per_sample': pow(10, prediction.centre + prediction.half_width)
    } end
    from (
        select {{ calibration_log10_prediction(
            '(select log10((' ~ gflops ~ ') / peak.gflops_per_watt) from ' ~ peaks ~ ' as peak where peak.gpu_id = '
            ~ gpu_id_value ~ ' and peak.number_format = ' ~ precision_value ~ ')',
            scenario_value, precision_value, calibration
        ) }} as prediction
    )
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
