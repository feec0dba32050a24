{#
    The parameters of every LLM serving candidate (fit_llm_serving__nls), the
    chosen candidate flagged (int_llm_candidates_scored): what the predictions,
    the DuckDB macro estimate_llm_joules and the catalogue price with (the
    prefill_decode rows).
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
        parameters.candidate_id,
        parameters.parameter,
        parameters.parameter_level,
        parameters.scenario,
        parameters.estimate,
        parameters.fit_failure,
        chosen.candidate_id is not null as is_chosen
    from parameters
    left join chosen on parameters.candidate_id = chosen.candidate_id
)

select * from final
