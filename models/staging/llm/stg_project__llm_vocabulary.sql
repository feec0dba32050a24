{# Canonical values of the LLM rows' printed labels (seed llm_vocabulary), typed. #}
with source as (
    select * from {{ ref('llm_vocabulary') }}
),

typed as (
    select
        trim(vocabulary) as vocabulary,
        trim(label_prefix) as label_prefix,
        trim(canonical_value) as canonical_value
    from source
)

select * from typed
