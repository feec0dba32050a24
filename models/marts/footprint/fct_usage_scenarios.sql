{# fct_usage_scenarios: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_usage_scenarios_priced') }}
),

final as (
    select
        cast(scenario_id as varchar) as scenario_id,
        cast(scenario_description as varchar) as scenario_description,
        cast(scenario_year as integer) as scenario_year,
        cast(energy_basis as varchar) as energy_basis,
        cast(trend_id as varchar) as trend_id,
        cast(population as double) as population,
        cast(inferences_per_year as double) as inferences_per_year,
        cast(joules_per_inference as double) as joules_per_inference,
        cast(is_extrapolated as boolean) as is_extrapolated,
        cast(pue_applied as double) as pue_applied,
        cast(world_generation_twh as double) as world_generation_twh,
        cast(world_carbon_intensity_gco2e_per_kwh as double) as world_carbon_intensity_gco2e_per_kwh,
        cast(source_reference as varchar) as source_reference,
        cast(assumptions as varchar) as assumptions,
        cast(twh_per_year as double) as twh_per_year,
        cast(share_of_world_generation as double) as share_of_world_generation,
        cast(mt_co2e_per_year as double) as mt_co2e_per_year
    from source_rows
)

select * from final
