{# The models of measured energy compared by cross-validation (seed calibration_candidates), typed. #}
with source as (
    select * from {{ ref('calibration_candidates') }}
),

typed as (
    select
        trim(candidate_id) as candidate_id,
        trim(model_kind) as model_kind,
        trim(terms) as terms,
        trim(description) as description
    from source
)

select * from typed
