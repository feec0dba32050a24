{#
    Every region an inference can be priced in: the countries and cloud regions
    of codecarbon's tables, and the world (the countries' intensities weighted
    by their generation; its generation their sum), each with where its
    intensity comes from (intensity_source): never a silent fallback.
#}
with regions as (
    select * from {{ ref('stg_extension__grid_carbon_intensity') }}
),

world as (
    select
        'WORLD' as region_code,
        'world' as region_kind,
        'World' as region_name,
        cast(null as varchar) as country_iso_code,
        cast(null as varchar) as cloud_provider,
        sum(carbon_intensity_gco2e_per_kwh * generation_twh) / sum(generation_twh) as carbon_intensity_gco2e_per_kwh,
        max(data_year) as data_year,
        sum(generation_twh) as generation_twh,
        any_value(source_package) || ': generation-weighted mean of its ' || count(*) || ' countries'
            as intensity_source
    from regions
    where region_kind = 'country'
),

final as (
    select
        region_code,
        region_kind,
        region_name,
        country_iso_code,
        cloud_provider,
        carbon_intensity_gco2e_per_kwh,
        data_year,
        generation_twh,
        source_package || ' ' || source_file
        || coalesce(' (data year ' || data_year || ')', '') as intensity_source
    from regions
    union all
    select * from world
)

select * from final
