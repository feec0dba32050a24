{# Grid carbon intensity by country and cloud region (seed extension_grid_carbon_intensity, from codecarbon), typed. #}
with source as (
    select * from {{ ref('extension_grid_carbon_intensity') }}
),

typed as (
    select
        trim(region_code) as region_code,
        trim(region_kind) as region_kind,
        nullif(trim(region_name), '') as region_name,
        nullif(trim(country_iso_code), '') as country_iso_code,
        nullif(trim(provider), '') as cloud_provider,
        {{ typed('carbon_intensity_gco2e_per_kwh', 'double') }} as carbon_intensity_gco2e_per_kwh,
        {{ typed('data_year', 'integer') }} as data_year,
        {{ typed('generation_twh', 'double') }} as generation_twh,
        trim(source_package) as source_package,
        trim(source_file) as source_file,
        nullif(trim(source_note), '') as source_note
    from source
)

select * from typed
