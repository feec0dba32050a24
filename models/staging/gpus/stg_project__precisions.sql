{# What each canonical precision label means (seed precisions), typed. #}
with source as (
    select * from {{ ref('precisions') }}
),

typed as (
    select
        trim(precision) as precision,
        trim(number_format) as number_format,
        {{ text_boolean('uses_tensor_cores') }} as uses_tensor_cores,
        trim(throughput_kind) as throughput_kind,
        trim(precision_class) as precision_class,
        trim(description) as description
    from source
)

select * from typed
