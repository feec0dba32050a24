{# Table L.13, typed: measured ResNet-50 energy per image on edge systems. #}
with source as (
    select * from {{ ref('edge_system_energy') }}
),

typed as (
    select
        trim(system_name) as system_name,
        {{ typed('launch_year', 'integer') }} as launch_year,
        {{ typed('resnet50_images_per_second', 'double') }} as resnet50_images_per_second,
        {{ typed('watts', 'double') }} as watts,
        {{ typed('published_joules_per_image', 'double') }} as published_joules_per_image,
        {{ printed_decimals('published_joules_per_image') }} as published_joules_per_image_decimals,
        transcription_status,
        nullif(trim(transcription_note), '') as transcription_note
    from source
)

select * from typed
