{# Usage scenarios of the multiplicative factor (seed usage_scenarios), typed. #}
with source as (
    select * from {{ ref('usage_scenarios') }}
),

typed as (
    select
        trim(scenario_id) as scenario_id,
        trim(description) as scenario_description,
        {{ typed('year', 'integer') }} as scenario_year,
        {{ typed('inferences_per_person_per_second', 'double') }} as inferences_per_person_per_second,
        {{ typed('inferences_per_day', 'double') }} as inferences_per_day,
        trim(energy_basis) as energy_basis,
        nullif(trim(trend_id), '') as trend_id,
        {{ typed('joules_per_inference_published', 'double') }} as joules_per_inference_published,
        {{ typed('is_pue_included', 'boolean') }} as is_pue_included,
        {{ typed('is_extrapolation_allowed', 'boolean') }} as is_extrapolation_allowed,
        upper(trim(compared_region_code)) as compared_region_code,
        {{ typed('llm_total_params_b', 'double') }} as llm_total_params_b,
        {{ typed('llm_active_params_b', 'double') }} as llm_active_params_b,
        {{ typed('llm_input_tokens', 'double') }} as llm_input_tokens,
        {{ typed('llm_output_tokens', 'double') }} as llm_output_tokens,
        nullif(trim(llm_gpu_id), '') as llm_gpu_id,
        nullif(trim(llm_precision), '') as llm_precision,
        nullif(trim(llm_scenario), '') as llm_scenario,
        trim(source) as source_reference,
        trim(assumptions) as assumptions
    from source
)

select * from typed
