{#
    Figs. 13-14: each model's Joules per inference next to the energy a person
    uses in one second, internally (2000 kcal/day of food) and externally (USA
    2019 energy use per person), and how many inferences per second that
    energy would pay for. One row per model x human reference.
#}
with energies as (
    select * from {{ ref('int_models_flagged') }}
    where joules_per_inference is not null
),

human_references as (
    select * from {{ ref('stg_paper__human_energy_references') }}
),

final as (
    select
        cast(energies.domain as varchar) as domain,
        cast(energies.model_id as varchar) as model_id,
        cast(energies.model_name as varchar) as model_name,
        cast(energies.release_date as date) as release_date,
        cast(energies.is_best_of_year as boolean) as is_best_of_year,
        cast(energies.is_most_demanding_at_release as boolean) as is_most_demanding_at_release,
        cast(energies.joules_per_inference as double) as joules_per_inference,
        cast(human_references.quantity_id as varchar) as human_reference_id,
        cast(human_references.joules_per_second as double) as human_joules_per_second,
        cast(human_references.joules_per_second / energies.joules_per_inference as double)
            as inferences_per_second_matching_human,
        cast(energies.joules_per_inference / human_references.joules_per_second as double)
            as human_seconds_per_inference
    from energies
    cross join human_references
)

select * from final
