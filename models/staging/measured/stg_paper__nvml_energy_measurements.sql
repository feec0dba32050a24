{# Table K.10, typed: measured (NVML) vs the paper's estimated Joules per inference. #}
with source as (
    select * from {{ ref('nvml_energy_measurements') }}
),

typed as (
    select
        trim(architecture) as architecture,
        trim(cv_model_id) as cv_model_id,
        {{ gpu_id('gpu_name') }} as gpu_id,
        trim(gpu_name) as gpu_name,
        {{ typed('measured_joules', 'double') }} as measured_joules,
        {{ typed('published_estimate_joules', 'double') }} as published_estimate_joules,
        {{ printed_decimals('published_estimate_joules') }} as published_estimate_decimals
    from source
)

select * from typed
