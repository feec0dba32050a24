{# dim_data_centre_pue: see models/marts/footprint/_marts_footprint__models.yml. #}
with source_rows as (
    select * from {{ ref('int_data_centre_pue') }}
),

final as (
    select
        cast(pue_year as integer) as pue_year,
        cast(pue as double) as pue,
        cast(pue_low as double) as pue_low,
        cast(pue_low_basis as varchar) as pue_low_basis,
        cast(grade as varchar) as grade,
        cast(source_reference as varchar) as source_reference,
        cast(is_default as boolean) as is_default
    from source_rows
)

select * from final
