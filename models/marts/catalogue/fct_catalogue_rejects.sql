{# The rows of the user's catalogue that break a rule: never dropped silently, listed here. #}
with validated as (
    select * from {{ ref('int_catalogue_models_validated') }}
    where not is_valid
),

final as (
    select
        cast(line_number as integer) as line_number,
        cast(model_name as varchar) as model_name,
        cast(reasons as varchar) as reasons,
        cast(len(broken_rules) as integer) as n_broken_rules,
        cast(gflops_text as varchar) as gflops_text,
        cast(params_millions_text as varchar) as params_millions_text,
        cast(input_tokens_text as varchar) as input_tokens_text,
        cast(release_date_text as varchar) as release_date_text,
        cast(domain as varchar) as domain,
        cast(gpu_id as varchar) as gpu_id,
        cast(precision as varchar) as precision,
        cast(scenario as varchar) as scenario,
        cast(inferences_per_day_text as varchar) as inferences_per_day_text
    from validated
)

select * from final
