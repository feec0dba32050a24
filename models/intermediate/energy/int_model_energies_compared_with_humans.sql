{#
    Figs. 13-14: each model's Joules per inference next to the energy a person
    uses in one second, internally (2000 kcal/day of food) and externally (USA
    2019 energy use per person), and how many inferences per second that
    energy would pay for. One row per model x human reference.
#}
with energies as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper' and joules_per_inference is not null
),

human_references as (
    select * from {{ ref('stg_paper__human_energy_references') }}
),

final as (
    select
        energies.domain,
        energies.model_id,
        energies.model_name,
        energies.release_date,
        energies.is_best_of_year,
        energies.is_most_demanding_at_release,
        energies.is_cutting_edge,
        energies.joules_per_inference,
        human_references.quantity_id as human_reference_id,
        human_references.joules_per_second as human_joules_per_second,
        human_references.joules_per_second / energies.joules_per_inference as inferences_per_second_matching_human,
        energies.joules_per_inference / human_references.joules_per_second as human_seconds_per_inference
    from energies
    cross join human_references
)

select * from final
