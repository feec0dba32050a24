{#
    Each usage scenario (seed usage_scenarios) priced in its own year and, for a
    scenario read on an energy trend, in every later year of the population
    seed up to var forecast_last_year (the forecast: flagged is_forecast, and
    is_extrapolated where the trend is read past its data). One row per
    scenario and reading year: inferences per year (per person per second x the
    world population of the year, or per day x 365), Joules of one (a trend read
    at mid-year with its pred95, a published measurement, or the LLM serving
    model on the stated request), at the facility (x the default PUE unless the
    energy includes it), in TWh per year, as a share of the world's and of the
    compared region's electricity generation, in Mt CO2e at the world's
    generation-weighted intensity and, where var electricity_price_per_kwh is
    set, in money.
#}
{%- set price = var('electricity_price_per_kwh', none) -%}
{%- if price is not none and price < 0 -%}
    {{ exceptions.raise_compiler_error("var electricity_price_per_kwh must not be negative, got " ~ price) }}
{%- endif -%}
{%- set price_sql = (price ~ '::double') if price is not none else 'cast(null as double)' %}
with scenarios as (
    select * from {{ ref('stg_project__usage_scenarios') }}
),

population as (
    select * from {{ ref('stg_extension__world_population') }}
),

fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

regions as (
    select * from {{ ref('int_grid_regions') }}
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

{# the scenario's own year, and the population years after it that a trend is read forward to #}
reading_years as (
    select
        scenario_id,
        scenario_year as reading_year
    from scenarios
    union
    select
        scenarios.scenario_id,
        population.population_year as reading_year
    from scenarios
    inner join population
        on
            scenarios.scenario_year < population.population_year
            and population.population_year <= {{ var('forecast_last_year') }}
    where scenarios.energy_basis = 'trend'
),

priced as (
    select
        scenarios.*,
        reading_years.reading_year,
        reading_years.reading_year > scenarios.scenario_year as is_forecast,
        population.population,
        coalesce(
            scenarios.inferences_per_person_per_second * population.population * 86400 * 365,
            scenarios.inferences_per_day * 365
        ) as inferences_per_year,
        case
            when scenarios.energy_basis = 'trend'
                then {{ trend_value_at('fit', 'make_date(reading_years.reading_year, 7, 1)') }}
            when scenarios.energy_basis = 'published' then scenarios.joules_per_inference_published
            when scenarios.energy_basis = 'llm_serving_model' then {{ llm_joules_struct(
                'scenarios.llm_total_params_b', 'scenarios.llm_active_params_b', 'scenarios.llm_input_tokens',
                'scenarios.llm_output_tokens', 'scenarios.llm_gpu_id', 'scenarios.llm_precision',
                'scenarios.llm_scenario', '8', 'llm_parameters', 'llm_specs', 'host_parameters'
            ) }}['joules_per_request']
        end as joules_per_inference,
        {# only a trend reading has an interval here: the others are one stated value #}
        case
            when scenarios.energy_basis = 'trend'
                then {{ trend_value_at('fit', 'make_date(reading_years.reading_year, 7, 1)', 'pred_low') }}
        end as joules_per_inference_pred95_low,
        case
            when scenarios.energy_basis = 'trend'
                then {{ trend_value_at('fit', 'make_date(reading_years.reading_year, 7, 1)', 'pred_high') }}
        end as joules_per_inference_pred95_high,
        coalesce(
            scenarios.energy_basis = 'trend' and make_date(reading_years.reading_year, 7, 1) > fit.last_date, false
        ) as is_extrapolated,
        case when scenarios.is_pue_included then 1.0 else pue.pue end as pue_applied
    from reading_years
    inner join scenarios on reading_years.scenario_id = scenarios.scenario_id
    left join population on reading_years.reading_year = population.population_year
    left join fits as fit on scenarios.trend_id = fit.trend_id
    cross join pue
),

final as (
    select
        priced.scenario_id,
        priced.reading_year,
        priced.scenario_description,
        priced.scenario_year,
        priced.is_forecast,
        priced.energy_basis,
        priced.trend_id,
        priced.population,
        priced.inferences_per_year,
        priced.joules_per_inference,
        priced.joules_per_inference_pred95_low,
        priced.joules_per_inference_pred95_high,
        priced.is_extrapolated,
        priced.is_extrapolation_allowed,
        priced.pue_applied,
        world.generation_twh as world_generation_twh,
        world.carbon_intensity_gco2e_per_kwh as world_carbon_intensity_gco2e_per_kwh,
        priced.compared_region_code,
        compared.generation_twh as compared_region_generation_twh,
        priced.source_reference,
        priced.assumptions,
        {% for suffix in ['', '_pred95_low', '_pred95_high'] %}
            priced.joules_per_inference{{ suffix }} * priced.pue_applied * priced.inferences_per_year / 3.6e15 as twh_per_year{{ suffix }},  -- noqa: LT05
        {% endfor %}
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15
        / world.generation_twh as share_of_world_generation,
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15
        / compared.generation_twh as share_of_compared_region_generation,
        {% for suffix in ['', '_pred95_low', '_pred95_high'] %}
            priced.joules_per_inference{{ suffix }} * priced.pue_applied * priced.inferences_per_year / 3.6e15
            * world.carbon_intensity_gco2e_per_kwh / 1000 as mt_co2e_per_year{{ suffix }},
        {% endfor %}
        {{ price_sql }} as electricity_price_per_kwh,
        '{{ var('electricity_price_currency') }}' as electricity_price_currency,
        {# TWh x 1e9 kWh x price: money per year, null while no price is given #}
        priced.joules_per_inference * priced.pue_applied * priced.inferences_per_year / 3.6e15 * 1e9
        * {{ price_sql }} as electricity_cost_per_year
    from priced
    left join regions as world on world.region_code = 'WORLD'
    left join regions as compared on priced.compared_region_code = compared.region_code
)

select * from final
