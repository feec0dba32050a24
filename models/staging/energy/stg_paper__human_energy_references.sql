{# Section 8 human energy references, converted to Joules and Joules per second. #}
with source as (
    select * from {{ ref('human_energy_references') }}
),

typed as (
    select
        trim(quantity_id) as quantity_id,
        trim(description) as description,
        {{ typed('quantity_value', 'double') }} as quantity_value,
        trim(unit) as unit,
        trim(period) as period,
        nullif(trim(source_ref), '') as source_ref,
        nullif(trim(source_note), '') as source_note
    from source
),

converted as (
    select
        *,
        quantity_value * {{ joules_per_unit('unit') }} as joules_per_period,
        {{ seconds_per_period('period') }} as period_seconds,
        quantity_value * {{ joules_per_unit('unit') }} / {{ seconds_per_period('period') }} as joules_per_second
    from typed
)

select * from converted
