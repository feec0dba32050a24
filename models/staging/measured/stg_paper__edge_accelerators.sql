{# Table L.12, typed: theoretical GOPs/W of edge accelerators. #}
with source as (
    select * from {{ ref('edge_accelerators') }}
),

typed as (
    select
        trim(device_name) as device_name,
        {{ typed('release_year', 'integer') }} as release_year,
        trim(device_type) as device_type,
        {{ typed('gops_per_watt', 'double') }} as gops_per_watt
    from source
)

select * from typed
