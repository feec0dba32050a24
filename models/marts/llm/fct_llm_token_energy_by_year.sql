{# Joules per generated token of the extension's decoder LLMs, both methods (int_llm_token_energy_by_year). #}
with source_rows as (
    select * from {{ ref('int_llm_token_energy_by_year') }}
),

final as (
    select
        cast(model_id as varchar) as model_id,
        cast(model_name as varchar) as model_name,
        cast(release_date as date) as release_date,
        cast(params_millions as double) as params_millions,
        cast(active_params_millions as double) as active_params_millions,
        cast(gpu_id as varchar) as gpu_id,
        cast(gpu_launch_date as date) as gpu_launch_date,
        cast(paper_method_joules_per_token as double) as paper_method_joules_per_token,
        cast(paper_method_joules_per_token_pred95_low as double) as paper_method_joules_per_token_pred95_low,
        cast(paper_method_joules_per_token_pred95_high as double) as paper_method_joules_per_token_pred95_high,
        cast(serving_model_joules_per_token as double) as serving_model_joules_per_token,
        cast(serving_model_joules_per_token_pred95_low as double) as serving_model_joules_per_token_pred95_low,
        cast(serving_model_joules_per_token_pred95_high as double) as serving_model_joules_per_token_pred95_high,
        cast(serving_to_paper_ratio as double) as serving_to_paper_ratio,
        cast(fits_in_eight_gpus as boolean) as fits_in_eight_gpus
    from source_rows
)

select * from final
