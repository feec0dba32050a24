{#
    Each usage scenario (seed usage_scenarios) priced: inferences per year (per
    person per second x the world population of the year, or per day x 365),
    Joules of one (an energy trend read at mid-year, flagged when past its
    data; a published measurement; or the LLM serving model on the stated
    request), at the facility (x the default PUE unless the energy includes
    it), in TWh per year, as a share of the world's electricity generation and
    in Mt CO2e at the world's generation-weighted intensity.
#}
with scenarios as (
    select * from {{ ref('stg_project__usage_scenarios') }}
),

population as (
    select * from {{ ref('stg_extension__world_population') }}
),

fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

world as (
    select * from {{ ref('int_grid_regions') }}
    where region_code = 'WORLD'
),

pue as (
    select * from {{ ref('int_data_centre_pue') }}
    where is_default
),

llm_parameters as (
    select * from {{ ref('int_llm_serving_parameters') }}
),

llm_specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

host_parameters as (
    select * from {{ ref('int_measured_system_parameters') }}
),

priced as (
    select
        scenarios.*,
        population.population,
        make_date(scenarios.scenario_year, 7, 1) as reading_date,
        coalesce(
            scenarios.inferences_per_person_per_second * population.population * 86400 * 365,
            scenarios.inferences_per_day * 365
        ) as inferences_per_year,
        case
            when scenarios.energy_basis = 'trend'
                then {{ trend_value_at('fit', 'make_date(scenarios.scenario_year, 7, 1)') }}
            when scenarios.energy_basis = 'published' then scenarios.joules_per_inference_published
            when scenarios.energy_basis = 'llm_serving_model' then {{ llm_joules_struct(
                'scenarios.llm_total_params_b', 'scenarios.llm_active_params_b', 'scenarios.llm_input_tokens',
                'scenarios.llm_output_tokens', 'scenarios.llm_gpu_id', 'scenarios.llm_precision',
                'scenarios.llm_scenario', '8', 'llm_parameters', 'llm_specs', 'host_parameters'
            ) }}['joules_per_request']
        end as joules_per_inference,
        scenarios.energy_basis = 'trend' and make_date(scenarios.scenario_year, 7, 1) > fit.last_date
            as is_extrapolated,
        case when scenarios.is_pue_included then 1.0 else pue.pue end as pue_applied
    from scenarios
    left join population on scenarios.scenario_year = population.population_year
    left join fits as fit on scenarios.trend_id = fit.trend_id
    cross join pue
),

final as (
    select
        priced.scenario_id,
        priced.scenario_description,
        priced.scenario_year,
        priced.energy_basis,
        priced.trend_id,
        priced.population,
        priced.inferences_per_year,
        priced.joules_per_inference,
        priced.is_extrapolated,
        priced.pue_applied,
        world.generation_twh as world_generation_twh,
        world.carbon_intensity_gco2e_per_kwh as world_carbon_intensity_gco2e_per_kwh,
        priced.source_reference,
        priced.assumptions,
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15 as twh_per_year,
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15
        / world.generation_twh as share_of_world_generation,
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15
        * world.carbon_intensity_gco2e_per_kwh / 1000 as mt_co2e_per_year
    from priced
    cross join world
)

select * from final
