{#
    Each headline conclusion of the paper under every variant of
    fit_conclusion_sensitivity, with whether it survives every variant
    (and under how many it holds).
#}
with sensitivity as (
    select * from {{ ref('fit_conclusion_sensitivity') }}
),

final as (
    select
        *,
        bool_and(claim_holds) over (partition by conclusion_id) as survives_every_variant,
        count(*) filter (where claim_holds) over (partition by conclusion_id) as n_variants_holding,
        count(*) over (partition by conclusion_id) as n_variants
    from sensitivity
)

select * from final
