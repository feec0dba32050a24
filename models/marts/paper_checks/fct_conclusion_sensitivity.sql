{#
    How robust each headline conclusion of the paper is: recomputed under named
    variants of its choices (which GPU points enter the efficiency fits, dates
    as years, Theil-Sen slopes, without each of the most influential GPUs and
    models), with the value, its 95 % interval, whether the paper's claim still
    holds, and whether it survives every variant.
#}
with sensitivity as (
    select * from {{ ref('int_conclusion_sensitivity') }}
),

final as (
    select
        cast(conclusion_id as varchar) as conclusion_id,
        cast(conclusion as varchar) as conclusion,
        cast(claim_kind as varchar) as claim_kind,
        cast(variant_id as varchar) as variant_id,
        cast(variant as varchar) as variant,
        cast(conclusion_value as double) as conclusion_value,
        cast(value_unit as varchar) as value_unit,
        cast(interval95_low as double) as interval95_low,
        cast(interval95_high as double) as interval95_high,
        cast(claim_holds as boolean) as claim_holds,
        cast(survives_every_variant as boolean) as survives_every_variant,
        cast(n_variants_holding as integer) as n_variants_holding,
        cast(n_variants as integer) as n_variants
    from sensitivity
)

select * from final
