{# Table K.11, typed: ResNet-50 throughput and power from an online review [105]. #}
with source as (
    select * from {{ ref('resnet50_review_energy') }}
),

typed as (
    select
        {{ gpu_id('gpu_name') }} as gpu_id,
        trim(gpu_name) as gpu_name,
        trim(cv_model_id) as cv_model_id,
        {{ typed('images_per_second_fp32', 'double') }} as images_per_second_fp32,
        {{ typed('images_per_second_fp16', 'double') }} as images_per_second_fp16,
        {{ typed('watts', 'double') }} as watts,
        {{ typed('published_joules_per_image_fp32', 'double') }} as published_joules_per_image_fp32,
        {{ typed('published_joules_per_image_fp16', 'double') }} as published_joules_per_image_fp16,
        {{ printed_decimals('published_joules_per_image_fp32') }} as published_joules_per_image_fp32_decimals,
        {{ printed_decimals('published_joules_per_image_fp16') }} as published_joules_per_image_fp16_decimals,
        {{ typed('published_estimate_joules', 'double') }} as published_estimate_joules,
        {{ printed_decimals('published_estimate_joules') }} as published_estimate_decimals
    from source
)

select * from typed
