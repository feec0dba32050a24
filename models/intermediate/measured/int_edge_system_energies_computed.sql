{# Table L.13: Joules per ResNet-50 image of each edge system = Watts / (images per second). #}
with edge_systems as (
    select * from {{ ref('stg_paper__edge_system_energy') }}
),

final as (
    select
        {{ slug('system_name') }} as system_id,
        *,
        watts / resnet50_images_per_second as joules_per_image
    from edge_systems
)

select * from final
