{# Table L.13: measured ResNet-50 energy per image of edge systems, computed and as printed. #}
with edge_systems as (
    select * from {{ ref('int_edge_system_energies_computed') }}
),

final as (
    select
        cast(system_id as varchar) as system_id,
        cast(system_name as varchar) as system_name,
        cast(launch_year as integer) as launch_year,
        cast(resnet50_images_per_second as double) as resnet50_images_per_second,
        cast(watts as double) as watts,
        cast(joules_per_image as double) as joules_per_image,
        cast(published_joules_per_image as double) as published_joules_per_image,
        cast(transcription_status as varchar) as transcription_status,
        cast(transcription_note as varchar) as transcription_note
    from edge_systems
)

select * from final
