{#
    Each valid row of the user's catalogue priced by every method it gives the
    inputs for, with the same macros as the marts: the paper's method (Eq. 2,
    macro joules_per_inference on the domain's Fig. 8 fit, as fct_inference_energy)
    at the row's date, and the measured-system model (macro
    measured_joules_struct, as marts.estimate_measured_joules) on an
    8-accelerator MaxQ server of its GPU at its precision; an LLM line by the
    LLM serving model (macro llm_joules_struct, as marts.estimate_llm_joules) per
    request on an 8-GPU server of its GPU. Yearly energy where inferences_per_day
    (requests per day for an LLM line) is given, and its gCO2e where the line
    names a region too (macro footprint_gco2e, as marts.inference_footprint:
    x the default PUE x the region's intensity).
#}
with catalogue as (
    select
        *,
        {# a measured-system estimate is for the offline scenario unless the line says otherwise #}
        coalesce(scenario, case when gpu_id is not null then 'offline' end) as measured_scenario
    from {{ ref('int_catalogue_models_validated') }}
    where is_valid
),

fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

parameters as (
    select * from {{ ref('int_measured_system_parameters') }}
),

peaks as (
    select * from {{ ref('int_gpu_peaks_by_number_format') }}
),

llm_parameters as (
    select * from {{ ref('int_llm_serving_parameters') }}
),

llm_specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

regions as (
    select * from {{ ref('int_grid_regions') }}
),

pue as (
    select * from {{ ref('int_data_centre_pue') }}
    where is_default
),

calibration_points as (
    select * from {{ ref('int_calibration_points') }}
),

llm_measurements as (
    select * from {{ ref('int_llm_measurements_mapped') }}
    where exclusion_reason is null
),

{# the data each model was fitted on: a line beyond it is a prediction outside its calibrated range #}
calibrated_ranges as (
    select
        (select min(calibration_points.gflops_per_sample) from calibration_points) as measured_gflops_low,
        (select max(calibration_points.gflops_per_sample) from calibration_points) as measured_gflops_high,
        (select min(llm_measurements.active_params_b) from llm_measurements) as llm_active_params_b_low,
        (select max(llm_measurements.active_params_b) from llm_measurements) as llm_active_params_b_high
),

estimated as (
    select
        catalogue.*,
        fit.trend_id as efficiency_trend_id,
        {{ trend_value_at('fit', 'catalogue.release_date') }} as gflops_per_watt_at_release,
        {{ joules_with_intervals('catalogue.gflops', 'fit', 'catalogue.release_date', 'paper_method_joules') }},
        catalogue.release_date not between fit.first_date and fit.last_date as is_efficiency_extrapolated,
        {# an 8-accelerator MaxQ server: the defaults of marts.estimate_measured_joules #}
        case
            when catalogue.gpu_id is not null and not catalogue.is_llm_line then
            {{ measured_joules_struct(
                'catalogue.gflops', 'catalogue.gpu_id', 'catalogue.precision',
                'catalogue.measured_scenario', '8', "'MaxQ'", 'parameters', 'peaks'
            ) }}
        end as measured,
        case
            when catalogue.is_llm_line then
            {{ llm_joules_struct(
                'catalogue.params_millions / 1000', 'catalogue.active_params_millions / 1000',
                'catalogue.input_tokens', 'catalogue.output_tokens', 'catalogue.gpu_id', 'catalogue.precision',
                'catalogue.measured_scenario', '8', 'llm_parameters', 'llm_specs', 'parameters'
            ) }}
        end as llm,
        regions.carbon_intensity_gco2e_per_kwh,
        case when catalogue.region_code is not null then pue.pue end as pue,
        case
            when catalogue.is_llm_line
                then
                    catalogue.active_params_millions / 1000
                    not between ranges.llm_active_params_b_low and ranges.llm_active_params_b_high
            when catalogue.gpu_id is not null
                then catalogue.gflops not between ranges.measured_gflops_low and ranges.measured_gflops_high
        end as is_outside_calibrated_range,
        case
            when catalogue.is_llm_line
                then
                    format(
                        '{:g} to {:g} B active parameters (measured LLM rows fitted)',
                        ranges.llm_active_params_b_low, ranges.llm_active_params_b_high
                    )
            when catalogue.gpu_id is not null
                then
                    format(
                        '{:g} to {:g} GFLOPs per sample (MLPerf results fitted)',
                        ranges.measured_gflops_low, ranges.measured_gflops_high
                    )
        end as calibrated_range
    from catalogue
    left join regions on catalogue.region_code = regions.region_code
    cross join pue
    cross join calibrated_ranges as ranges
    {{ join_efficiency_fit(
        'definitions', 'fits', 'fit', 'catalogue.domain', condition='catalogue.release_date is not null'
    ) }}
),

final as (
    select
        estimated.* exclude (measured, llm),  -- noqa: RF03
        estimated.measured['predicted_joules_per_sample'] as measured_system_joules,
        estimated.measured['pred95_low_joules_per_sample'] as measured_system_joules_pred95_low,
        estimated.measured['pred95_high_joules_per_sample'] as measured_system_joules_pred95_high,
        {# kWh per year = J x inferences per day x days per year / J per kWh (the unit macros of
           the human comparison: a 365-day year) #}
        estimated.paper_method_joules * estimated.inferences_per_day
        * {{ seconds_per_period("'year'") }} / {{ seconds_per_period("'day'") }}
        / {{ joules_per_unit("'kWh'") }} as paper_method_kwh_per_year,
        estimated.measured['predicted_joules_per_sample'] * estimated.inferences_per_day
        * {{ seconds_per_period("'year'") }} / {{ seconds_per_period("'day'") }}
        / {{ joules_per_unit("'kWh'") }} as measured_system_kwh_per_year,
        estimated.llm['joules_per_request'] as llm_joules_per_request,
        estimated.llm['joules_per_output_token'] as llm_joules_per_output_token,
        estimated.llm['pred95_low_joules_per_output_token'] as llm_joules_per_output_token_pred95_low,
        estimated.llm['pred95_high_joules_per_output_token'] as llm_joules_per_output_token_pred95_high,
        estimated.llm['joules_per_request'] * estimated.inferences_per_day
        * {{ seconds_per_period("'year'") }} / {{ seconds_per_period("'day'") }}
        / {{ joules_per_unit("'kWh'") }} as llm_kwh_per_year,
        {# gCO2e per year: J x inferences per day x 365 days, at the facility (x PUE) x intensity #}
        {{ footprint_gco2e(
            "estimated.paper_method_joules * estimated.inferences_per_day * 365", 'estimated.pue', 'estimated.carbon_intensity_gco2e_per_kwh'
        ) }} as paper_method_gco2e_per_year,
        {{ footprint_gco2e(
            "estimated.measured['predicted_joules_per_sample'] * estimated.inferences_per_day * 365", 'estimated.pue', 'estimated.carbon_intensity_gco2e_per_kwh'
        ) }} as measured_system_gco2e_per_year,
        {{ footprint_gco2e(
            "estimated.llm['joules_per_request'] * estimated.inferences_per_day * 365", 'estimated.pue', 'estimated.carbon_intensity_gco2e_per_kwh'
        ) }} as llm_gco2e_per_year
    from estimated
)

select * from final
