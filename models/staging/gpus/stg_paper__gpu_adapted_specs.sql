{#
    Table J.9 as published, typed. Validation input only: the warehouse derives
    these rows itself from J.8 and E.3.
#}
with source as (
    select * from {{ ref('gpu_adapted_specs') }}
),

typed as (
    select
        case trim(adapted_for)
            when 'No' then 'none'
            when 'For CNN' then 'cv'
            when 'For NLP' then 'nlp'
        end as adapted_for,
        {{ gpu_id('gpu_name') }} as gpu_id,
        trim(gpu_name) as gpu_name,
        {{ canonical_precision('precision_label') }} as precision,
        trim(precision_label) as precision_label,
        {{ typed('published_tflops', 'double') }} as published_tflops,
        {{ printed_decimals('published_tflops') }} as published_tflops_decimals,
        {{ typed('watts', 'double') }} as watts,
        {{ iso_date('launch_date') }} as launch_date,
        lower(trim(gpu_type)) as gpu_type,
        {{ typed('published_gflops_per_watt', 'double') }} as published_gflops_per_watt,
        {{ printed_decimals('published_gflops_per_watt') }} as published_gflops_per_watt_decimals,
        transcription_status,
        nullif(trim(transcription_note), '') as transcription_note
    from source
)

select * from typed
