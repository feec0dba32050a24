{#
    Every model of both datasets in every region: the paper's estimate of one
    inference (Eq. 2 with the paper's own efficiency fit, as
    fct_inference_energy_2012_2025; per generated token for LLMs) at the
    facility's meter (x the default PUE) and its emissions (x the region's
    intensity). Intervals: the low end is the estimate's pred95 low at a
    hyperscaler's PUE (where the PUE year has one), the high end its pred95
    high at the industry average. Money: only where var electricity_price_per_kwh
    is given (prices vary too much to default), null otherwise.
#}
{%- set price = var('electricity_price_per_kwh', none) -%}
{%- if price is not none and price < 0 -%}
    {{ exceptions.raise_compiler_error("var electricity_price_per_kwh must not be negative, got " ~ price) }}
{%- endif -%}
{%- set price_sql = (price ~ '::double') if price is not none else 'cast(null as double)' %}
with models as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper_and_extension'
),

regions as (
    select * from {{ ref('int_grid_regions') }}
),

pue as (
    select * from {{ ref('int_data_centre_pue') }}
    where is_default
),

final as (
    select
        models.model_id,
        models.dataset,
        models.domain,
        models.model_name,
        models.release_date,
        regions.region_code,
        regions.region_kind,
        regions.region_name,
        regions.carbon_intensity_gco2e_per_kwh,
        regions.intensity_source,
        pue.pue_year,
        pue.pue,
        coalesce(pue.pue_low, pue.pue) as pue_low,
        models.joules_per_inference,
        models.joules_per_inference_pred95_low,
        models.joules_per_inference_pred95_high,
        {{ footprint_wh('models.joules_per_inference', 'pue.pue') }} as wh_at_facility,
        {{ footprint_wh('models.joules_per_inference_pred95_low', 'coalesce(pue.pue_low, pue.pue)') }}
            as wh_at_facility_pred95_low,
        {{ footprint_wh('models.joules_per_inference_pred95_high', 'pue.pue') }} as wh_at_facility_pred95_high,
        {{ footprint_gco2e('models.joules_per_inference', 'pue.pue', 'regions.carbon_intensity_gco2e_per_kwh') }}
            as gco2e,
        {{ footprint_gco2e(
            'models.joules_per_inference_pred95_low', 'coalesce(pue.pue_low, pue.pue)',
            'regions.carbon_intensity_gco2e_per_kwh'
        ) }} as gco2e_pred95_low,
        {{ footprint_gco2e(
            'models.joules_per_inference_pred95_high', 'pue.pue', 'regions.carbon_intensity_gco2e_per_kwh'
        ) }} as gco2e_pred95_high,
        {{ price_sql }} as electricity_price_per_kwh,
        '{{ var('electricity_price_currency') }}' as electricity_price_currency,
        {# Wh / 1000 kWh x price, for a million inferences #}
        {{ footprint_wh('models.joules_per_inference', 'pue.pue') }} / 1000.0 * {{ price_sql }} * 1e6
            as electricity_cost_per_million_inferences
    from models
    cross join regions
    cross join pue
)

select * from final
