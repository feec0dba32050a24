{# The conclusions the sensitivity analysis recomputes (seed sensitivity_conclusions), typed. #}
with source as (
    select * from {{ ref('sensitivity_conclusions') }}
),

typed as (
    select
        trim(conclusion_id) as conclusion_id,
        trim(conclusion) as conclusion,
        trim(claim_kind) as claim_kind,
        trim(measure) as measure,
        trim(domain) as domain
    from source
)

select * from typed
