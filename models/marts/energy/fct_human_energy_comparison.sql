{#
    Figs. 13-14: each model's Joules per inference next to the energy a person
    uses in one second (int_model_energies_compared_with_humans). One row per
    model x human reference.
#}
with compared as (
    select * from {{ ref('int_model_energies_compared_with_humans') }}
),

final as (
    select
        cast(domain as varchar) as domain,
        cast(model_id as varchar) as model_id,
        cast(model_name as varchar) as model_name,
        cast(release_date as date) as release_date,
        cast(is_best_of_year as boolean) as is_best_of_year,
        cast(is_most_demanding_at_release as boolean) as is_most_demanding_at_release,
        cast(is_cutting_edge as boolean) as is_cutting_edge,
        cast(joules_per_inference as double) as joules_per_inference,
        cast(human_reference_id as varchar) as human_reference_id,
        cast(human_joules_per_second as double) as human_joules_per_second,
        cast(inferences_per_second_matching_human as double) as inferences_per_second_matching_human,
        cast(human_seconds_per_inference as double) as human_seconds_per_inference
    from compared
)

select * from final
