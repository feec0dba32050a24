{# The power mode of every MLPerf system (seed extension_mlperf_system_power_modes), typed. #}
with source as (
    select * from {{ ref('extension_mlperf_system_power_modes') }}
),

typed as (
    select
        trim(system) as system_name,
        trim(power_mode) as power_mode,
        trim(power_mode_source) as power_mode_source,
        trim(first_result_id) as first_result_id
    from source
)

select * from typed
