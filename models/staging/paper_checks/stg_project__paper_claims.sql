{# The paper's headline claims re-checked on 2012-2025 data (seed paper_claims), typed. #}
with source as (
    select * from {{ ref('paper_claims') }}
),

typed as (
    select
        trim(claim_id) as claim_id,
        trim(claim) as claim,
        trim(paper_reference) as paper_reference,
        trim(claim_kind) as claim_kind,
        trim(trend_id) as trend_id,
        nullif(trim(compared_trend_id), '') as compared_trend_id,
        nullif(trim(follows_from_claim_id), '') as follows_from_claim_id,
        trim(number_format) as number_format,
        nullif(trim(cutting_edge_rule), '') as cutting_edge_rule
    from source
)

select * from typed
