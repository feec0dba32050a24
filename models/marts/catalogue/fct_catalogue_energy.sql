{# The user's catalogue priced: one row per valid model of the file (var catalogue_path). #}
with estimated as (
    select * from {{ ref('int_catalogue_models_estimated') }}
),

final as (
    select
        cast(model_name as varchar) as model_name,
        cast(line_number as integer) as line_number,
        cast(domain as varchar) as domain,
        cast(release_date as date) as release_date,
        cast(gflops as double) as gflops,
        cast(gflops_source as varchar) as gflops_source,
        cast(params_millions as double) as params_millions,
        cast(input_tokens as double) as input_tokens,
        cast(efficiency_trend_id as varchar) as efficiency_trend_id,
        cast(gflops_per_watt_at_release as double) as gflops_per_watt_at_release,
        cast(paper_method_joules as double) as paper_method_joules,
        cast(paper_method_joules_mean_ci95_low as double) as paper_method_joules_mean_ci95_low,
        cast(paper_method_joules_mean_ci95_high as double) as paper_method_joules_mean_ci95_high,
        cast(paper_method_joules_pred95_low as double) as paper_method_joules_pred95_low,
        cast(paper_method_joules_pred95_high as double) as paper_method_joules_pred95_high,
        cast(is_efficiency_extrapolated as boolean) as is_efficiency_extrapolated,
        cast(gpu_id as varchar) as gpu_id,
        cast(precision as varchar) as precision,
        cast(measured_scenario as varchar) as measured_scenario,
        cast(measured_system_joules as double) as measured_system_joules,
        cast(measured_system_joules_pred95_low as double) as measured_system_joules_pred95_low,
        cast(measured_system_joules_pred95_high as double) as measured_system_joules_pred95_high,
        cast(inferences_per_day as double) as inferences_per_day,
        cast(paper_method_kwh_per_year as double) as paper_method_kwh_per_year,
        cast(measured_system_kwh_per_year as double) as measured_system_kwh_per_year,
        cast(is_llm_line as boolean) as is_llm_line,
        cast(active_params_millions as double) as active_params_millions,
        cast(output_tokens as double) as output_tokens,
        cast(llm_joules_per_request as double) as llm_joules_per_request,
        cast(llm_joules_per_output_token as double) as llm_joules_per_output_token,
        cast(llm_joules_per_output_token_pred95_low as double) as llm_joules_per_output_token_pred95_low,
        cast(llm_joules_per_output_token_pred95_high as double) as llm_joules_per_output_token_pred95_high,
        cast(llm_kwh_per_year as double) as llm_kwh_per_year,
        cast(region_code as varchar) as region_code,
        cast(carbon_intensity_gco2e_per_kwh as double) as carbon_intensity_gco2e_per_kwh,
        cast(pue as double) as pue,
        cast(paper_method_gco2e_per_year as double) as paper_method_gco2e_per_year,
        cast(measured_system_gco2e_per_year as double) as measured_system_gco2e_per_year,
        cast(llm_gco2e_per_year as double) as llm_gco2e_per_year,
        cast(is_outside_calibrated_range as boolean) as is_outside_calibrated_range,
        cast(calibrated_range as varchar) as calibrated_range
    from estimated
)

select * from final
