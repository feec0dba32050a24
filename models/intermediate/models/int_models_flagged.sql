{#
    Selections the paper's figures draw: the best model of each year (highest
    top-1 accuracy or GLUE score; ties all flagged), the models that were the
    most demanding in GFLOPs when released (Fig. 6's dashed line, NLP), and the
    Pareto frontiers of performance vs GFLOPs (Fig. 4) and vs Joules
    (Figs. 11-12).
#}
with energies as (
    select * from {{ ref('int_model_energies_estimated') }}
),

with_running_maxima as (
    select
        *,
        max(performance_score) over (partition by domain, release_year) as best_score_of_year,
        max(gflops) over (
            partition by domain order by release_date
            range between unbounded preceding and current row
        ) as max_gflops_released_so_far
    from energies
),

gflops_levels as (
    {{ pareto_cost_levels('energies', 'gflops') }}
),

joules_levels as (
    {{ pareto_cost_levels('energies', 'joules_per_inference') }}
),

flagged as (
    select
        current_model.*,
        coalesce(current_model.performance_score = current_model.best_score_of_year, false) as is_best_of_year,
        coalesce(current_model.gflops >= current_model.max_gflops_released_so_far, false)
            as is_most_demanding_at_release,
        {{ is_pareto_optimal('current_model', 'gflops_level') }} as is_pareto_optimal_gflops,
        {{ is_pareto_optimal('current_model', 'joules_level') }} as is_pareto_optimal_joules
    from with_running_maxima as current_model
    left join gflops_levels as gflops_level
        on current_model.domain = gflops_level.domain and current_model.gflops = gflops_level.cost
    left join joules_levels as joules_level
        on
            current_model.domain = joules_level.domain
            and current_model.joules_per_inference = joules_level.cost
),

final as (
    select
        * exclude (best_score_of_year, max_gflops_released_so_far),
        {# the cutting edge of each domain (macros cutting_edge_rule, is_cutting_edge) #}
        {{ cutting_edge_rule('domain') }} as cutting_edge_rule,
        {{ is_cutting_edge('domain', 'is_best_of_year', 'is_most_demanding_at_release') }} as is_cutting_edge
    from flagged
)

select * from final
