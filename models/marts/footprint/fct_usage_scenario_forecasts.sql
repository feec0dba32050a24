{# fct_usage_scenario_forecasts: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_usage_scenarios_priced') }}
),

final as (
    select
        cast(scenario_id as varchar) as scenario_id,
        cast(reading_year as integer) as reading_year,
        cast(scenario_description as varchar) as scenario_description,
        cast(scenario_year as integer) as scenario_year,
        cast(is_forecast as boolean) as is_forecast,
        cast(energy_basis as varchar) as energy_basis,
        cast(trend_id as varchar) as trend_id,
        cast(population as double) as population,
        cast(inferences_per_year as double) as inferences_per_year,
        cast(joules_per_inference as double) as joules_per_inference,
        cast(joules_per_inference_pred95_low as double) as joules_per_inference_pred95_low,
        cast(joules_per_inference_pred95_high as double) as joules_per_inference_pred95_high,
        cast(is_extrapolated as boolean) as is_extrapolated,
        cast(is_extrapolation_allowed as boolean) as is_extrapolation_allowed,
        cast(pue_applied as double) as pue_applied,
        cast(world_generation_twh as double) as world_generation_twh,
        cast(world_carbon_intensity_gco2e_per_kwh as double) as world_carbon_intensity_gco2e_per_kwh,
        cast(compared_region_code as varchar) as compared_region_code,
        cast(compared_region_generation_twh as double) as compared_region_generation_twh,
        cast(source_reference as varchar) as source_reference,
        cast(assumptions as varchar) as assumptions,
        cast(twh_per_year as double) as twh_per_year,
        cast(twh_per_year_pred95_low as double) as twh_per_year_pred95_low,
        cast(twh_per_year_pred95_high as double) as twh_per_year_pred95_high,
        cast(share_of_world_generation as double) as share_of_world_generation,
        cast(share_of_compared_region_generation as double) as share_of_compared_region_generation,
        cast(mt_co2e_per_year as double) as mt_co2e_per_year,
        cast(mt_co2e_per_year_pred95_low as double) as mt_co2e_per_year_pred95_low,
        cast(mt_co2e_per_year_pred95_high as double) as mt_co2e_per_year_pred95_high,
        cast(electricity_price_per_kwh as double) as electricity_price_per_kwh,
        cast(electricity_price_currency as varchar) as electricity_price_currency,
        cast(electricity_cost_per_year as double) as electricity_cost_per_year
    from source_rows
)

select * from final
