{# Table J.8, typed: one row per GPU x precision, theoretical peak TFLOPS and TDP. #}
with source as (
    select * from {{ ref('gpu_specs') }}
),

typed as (
    select
        {{ gpu_id('gpu_name') }} as gpu_id,
        trim(gpu_name) as gpu_name,
        {{ canonical_precision('precision_label') }} as precision,
        trim(precision_label) as precision_label,
        {{ typed('tflops', 'double') }} as tflops,
        {# printed precision of TFLOPS, for "equal within rounding" checks #}
        {{ printed_decimals('tflops') }} as tflops_printed_decimals,
        {{ typed('watts', 'double') }} as watts,
        {{ iso_date('launch_date') }} as launch_date,
        lower(trim(gpu_type)) as gpu_type,
        {{ typed('published_gflops_per_watt', 'double') }} as published_gflops_per_watt,
        {{ printed_decimals('published_gflops_per_watt') }} as published_gflops_per_watt_decimals
    from source
)

select * from typed
