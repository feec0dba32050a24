{# The systems every GPU is priced in (seed measured_system_settings), typed: one column per setting. #}
with source as (
    select * from {{ ref('measured_system_settings') }}
),

typed as (
    select
        trim(setting) as setting,
        trim(value) as setting_value,
        {# try_cast: a count that is not a whole number stays null and fails the row rule naming it #}
        case when trim(setting) = 'n_accelerators' then try_cast(trim(value) as integer) end as n_accelerators,
        case when trim(setting) = 'power_mode' then trim(value) end as power_mode,
        trim(note) as note
    from source
)

select * from typed
