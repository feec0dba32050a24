{# World population by year (seed extension_world_population), typed. #}
with source as (
    select * from {{ ref('extension_world_population') }}
),

typed as (
    select
        {{ typed('year', 'integer') }} as population_year,
        {{ typed('population', 'double') }} as population,
        trim(source) as source_reference,
        trim(grade) as grade
    from source
)

select * from typed
