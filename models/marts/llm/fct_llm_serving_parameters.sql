{# The LLM serving candidates' parameters, the chosen one flagged (int_llm_serving_parameters). #}
with parameters as (
    select * from {{ ref('int_llm_serving_parameters') }}
),

final as (
    select
        cast(candidate_id as varchar) as candidate_id,
        cast(parameter as varchar) as parameter,
        cast(parameter_level as varchar) as parameter_level,
        cast(scenario as varchar) as scenario,
        cast(estimate as double) as estimate,
        cast(fit_failure as varchar) as fit_failure,
        cast(is_chosen as boolean) as is_chosen
    from parameters
)

select * from final
