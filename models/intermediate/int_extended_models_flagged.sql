{#
    The cutting edge of each domain over both datasets, by the rule of
    int_models_flagged: for cv the most accurate model of each year (among
    accuracies comparable with the paper's: fine-tuned, single crop), for nlp
    and llm the models most demanding in GFLOPs when released.
#}
with energies as (
    select * from {{ ref('int_extended_model_energies_estimated') }}
),

with_running_maxima as (
    select
        *,
        max(performance_score) filter (where is_performance_comparable)
            over (partition by domain, release_year) as best_comparable_score_of_year,
        max(gflops) over (
            partition by domain order by release_date
            range between unbounded preceding and current row
        ) as max_gflops_released_so_far
    from energies
),

final as (
    select
        * exclude (best_comparable_score_of_year, max_gflops_released_so_far),
        case domain when 'cv' then 'best_of_year' else 'most_demanding' end as cutting_edge_rule,
        case domain
            when
                'cv'
                then coalesce(is_performance_comparable and performance_score = best_comparable_score_of_year, false)
            else coalesce(gflops >= max_gflops_released_so_far, false)
        end as is_cutting_edge
    from with_running_maxima
)

select * from final
