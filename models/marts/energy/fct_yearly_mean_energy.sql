{# The dotted line of Figs. 9 and 10: mean Joules per inference of the models released each year. #}
with energies as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper' and joules_per_inference is not null
),

yearly as (
    select
        domain,
        release_year,
        count(*) as n_models,
        {# in a fixed order: a float sum depends on the order rows arrive in, and
           int_models_flagged holds both trend datasets #}
        avg(joules_per_inference order by model_id) as mean_joules_per_inference,
        exp(avg(ln(joules_per_inference) order by model_id)) as geometric_mean_joules_per_inference,
        min(joules_per_inference) as min_joules_per_inference,
        max(joules_per_inference) as max_joules_per_inference
    from energies
    group by domain, release_year
),

final as (
    select
        cast(domain as varchar) as domain,
        cast(release_year as integer) as release_year,
        cast(n_models as integer) as n_models,
        cast(mean_joules_per_inference as double) as mean_joules_per_inference,
        cast(geometric_mean_joules_per_inference as double) as geometric_mean_joules_per_inference,
        cast(min_joules_per_inference as double) as min_joules_per_inference,
        cast(max_joules_per_inference as double) as max_joules_per_inference
    from yearly
)

select * from final
