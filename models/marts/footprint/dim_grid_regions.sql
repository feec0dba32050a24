{# dim_grid_regions: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_grid_regions') }}
),

final as (
    select
        cast(region_code as varchar) as region_code,
        cast(region_kind as varchar) as region_kind,
        cast(region_name as varchar) as region_name,
        cast(country_iso_code as varchar) as country_iso_code,
        cast(cloud_provider as varchar) as cloud_provider,
        cast(carbon_intensity_gco2e_per_kwh as double) as carbon_intensity_gco2e_per_kwh,
        cast(data_year as integer) as data_year,
        cast(generation_twh as double) as generation_twh,
        cast(intensity_source as varchar) as intensity_source
    from source_rows
)

select * from final
