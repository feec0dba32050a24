{#
    The parameters of every LLM serving candidate fitted on all fitted rows
    (fit_llm_serving__nls), the chosen candidate flagged: what
    fct_llm_energy_predictions and the DuckDB macro estimate_llm_joules price
    with (the prefill_decode rows).
#}
with parameters as (
    select * from {{ ref('fit_llm_serving__nls') }}
),

chosen as (
    select distinct candidate_id from {{ ref('int_llm_candidates_scored') }}
    where is_chosen
),

final as (
    select
        cast(parameters.candidate_id as varchar) as candidate_id,
        cast(parameters.parameter as varchar) as parameter,
        cast(parameters.parameter_level as varchar) as parameter_level,
        cast(parameters.scenario as varchar) as scenario,
        cast(parameters.estimate as double) as estimate,
        cast(parameters.fit_failure as varchar) as fit_failure,
        chosen.candidate_id is not null as is_chosen
    from parameters
    left join chosen on parameters.candidate_id = chosen.candidate_id
)

select * from final
