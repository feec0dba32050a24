{# Printed labels of the measured results -> canonical values (seed measurement_vocabulary), typed. #}
with source as (
    select * from {{ ref('measurement_vocabulary') }}
),

typed as (
    select
        trim(vocabulary) as vocabulary,
        trim(label) as printed_label,
        trim(canonical) as canonical,
        nullif(trim(note), '') as note
    from source
)

select * from typed
