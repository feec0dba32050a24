{# fct_inference_footprint: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_inference_footprint') }}
),

final as (
    select
        cast(model_id as varchar) as model_id,
        cast(dataset as varchar) as dataset,
        cast(domain as varchar) as domain,
        cast(model_name as varchar) as model_name,
        cast(release_date as date) as release_date,
        cast(region_code as varchar) as region_code,
        cast(region_kind as varchar) as region_kind,
        cast(region_name as varchar) as region_name,
        cast(carbon_intensity_gco2e_per_kwh as double) as carbon_intensity_gco2e_per_kwh,
        cast(intensity_source as varchar) as intensity_source,
        cast(pue_year as integer) as pue_year,
        cast(pue as double) as pue,
        cast(pue_low as double) as pue_low,
        cast(joules_per_inference as double) as joules_per_inference,
        cast(joules_per_inference_pred95_low as double) as joules_per_inference_pred95_low,
        cast(joules_per_inference_pred95_high as double) as joules_per_inference_pred95_high,
        cast(wh_at_facility as double) as wh_at_facility,
        cast(wh_at_facility_pred95_low as double) as wh_at_facility_pred95_low,
        cast(wh_at_facility_pred95_high as double) as wh_at_facility_pred95_high,
        cast(gco2e as double) as gco2e,
        cast(gco2e_pred95_low as double) as gco2e_pred95_low,
        cast(gco2e_pred95_high as double) as gco2e_pred95_high,
        cast(electricity_price_per_kwh as double) as electricity_price_per_kwh,
        cast(electricity_price_currency as varchar) as electricity_price_currency,
        cast(electricity_cost_per_million_inferences as double) as electricity_cost_per_million_inferences
    from source_rows
)

select * from final
