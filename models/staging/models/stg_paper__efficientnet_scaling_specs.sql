{# Table H.5, typed: EfficientNet scaling coefficients and test resolution. #}
with source as (
    select * from {{ ref('efficientnet_scaling_specs') }}
),

typed as (
    select
        trim(model_name) as model_name,
        {{ typed('width_coefficient', 'double') }} as width_coefficient,
        {{ typed('depth_coefficient', 'double') }} as depth_coefficient,
        {{ typed('test_resolution_px', 'integer') }} as test_resolution_px
    from source
)

select * from typed
