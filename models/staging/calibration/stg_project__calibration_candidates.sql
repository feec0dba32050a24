{# The calibration models compared by cross-validation (seed calibration_candidates), typed. #}
with source as (
    select * from {{ ref('calibration_candidates') }}
),

typed as (
    select
        trim(candidate_id) as candidate_id,
        trim(terms) as terms,
        trim(description) as description
    from source
)

select * from typed
