{# Bytes per weight and the peaks each LLM precision runs at (seed llm_number_formats), typed. #}
with source as (
    select * from {{ ref('llm_number_formats') }}
),

typed as (
    select
        trim(precision) as precision,
        {{ typed('bytes_per_parameter', 'double') }} as bytes_per_parameter,
        string_split(trim(peak_number_formats), ' ') as peak_number_formats
    from source
)

select * from typed
