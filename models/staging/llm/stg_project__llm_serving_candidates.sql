{# The LLM serving candidates (seed llm_serving_candidates), typed. #}
with source as (
    select * from {{ ref('llm_serving_candidates') }}
),

typed as (
    select
        trim(candidate_id) as candidate_id,
        trim(description) as description
    from source
)

select * from typed
