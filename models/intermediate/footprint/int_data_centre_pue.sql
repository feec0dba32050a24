{# PUE by survey year, the default (var footprint_pue_year) flagged. #}
with pue as (
    select * from {{ ref('stg_project__data_centre_pue') }}
),

final as (
    select
        pue_year,
        pue,
        pue_low,
        pue_low_basis,
        grade,
        source_reference,
        pue_year = {{ var('footprint_pue_year') }} as is_default
    from pue
)

select * from final
