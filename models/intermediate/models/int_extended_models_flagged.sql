{#
    The cutting edge of each domain over both datasets, by the same rule as
    int_models_flagged (macros cutting_edge_rule, is_cutting_edge): for cv the most accurate model of each year (among
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
        {{ cutting_edge_rule('domain') }} as cutting_edge_rule,
        {{ is_cutting_edge(
            'domain',
            'is_performance_comparable and performance_score = best_comparable_score_of_year',
            'gflops >= max_gflops_released_so_far'
        ) }} as is_cutting_edge
    from with_running_maxima
)

select * from final
