{# Data-centre PUE by survey year (seed data_centre_pue), typed. #}
with source as (
    select * from {{ ref('data_centre_pue') }}
),

typed as (
    select
        {{ typed('year', 'integer') }} as pue_year,
        {{ typed('pue', 'double') }} as pue,
        {{ typed('pue_low', 'double') }} as pue_low,
        nullif(trim(pue_low_basis), '') as pue_low_basis,
        trim(grade) as grade,
        trim(source) as source_reference
    from source
)

select * from typed
