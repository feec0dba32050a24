{#
    The selections the figures and trends draw, one row per trend dataset x
    model: dataset 'paper' (the paper's models only, the paper's figures) and
    'paper_and_extension' (every model, the refits), each selection computed
    within its trend dataset: the best model of each year (highest top-1
    accuracy or GLUE score among scores comparable with the paper's; ties all
    flagged), the models most demanding in GFLOPs when released (Fig. 6's
    dashed line), the Pareto frontiers of performance vs GFLOPs (Fig. 4) and
    vs Joules (Figs. 11-12), and the cutting edge of each domain (macros
    cutting_edge_rule, is_cutting_edge). trend_joules is the energy the
    dataset's trends fit: the paper's method in 'paper', the refit in
    'paper_and_extension'.
#}
with energies as (
    select * from {{ ref('int_model_energies_estimated') }}
),

trend_datasets as (
    select
        'paper' as trend_dataset,
        *,
        joules_per_inference as trend_joules
    from energies
    where dataset = 'paper'
    union all
    select
        'paper_and_extension' as trend_dataset,
        *,
        extended_fit_joules as trend_joules
    from energies
),

with_running_maxima as (
    select
        *,
        max(performance_score) filter (where is_performance_comparable)
            over (partition by trend_dataset, domain, release_year) as best_comparable_score_of_year,
        max(gflops) over (
            partition by trend_dataset, domain order by release_date
            range between unbounded preceding and current row
        ) as max_gflops_released_so_far
    from trend_datasets
),

gflops_levels as (
    {{ pareto_cost_levels('trend_datasets', 'gflops', ['trend_dataset', 'domain']) }}
),

joules_levels as (
    {{ pareto_cost_levels('trend_datasets', 'trend_joules', ['trend_dataset', 'domain']) }}
),

flagged as (
    select
        current_model.*,
        coalesce(
            current_model.is_performance_comparable
            and current_model.performance_score = current_model.best_comparable_score_of_year,
            false
        ) as is_best_of_year,
        coalesce(current_model.gflops >= current_model.max_gflops_released_so_far, false)
            as is_most_demanding_at_release,
        {{ is_pareto_optimal('current_model', 'gflops_level') }} as is_pareto_optimal_gflops,
        {{ is_pareto_optimal('current_model', 'joules_level') }} as is_pareto_optimal_joules
    from with_running_maxima as current_model
    left join gflops_levels as gflops_level
        on
            current_model.trend_dataset = gflops_level.trend_dataset
            and current_model.domain = gflops_level.domain
            and current_model.gflops = gflops_level.cost
    left join joules_levels as joules_level
        on
            current_model.trend_dataset = joules_level.trend_dataset
            and current_model.domain = joules_level.domain
            and current_model.trend_joules = joules_level.cost
),

final as (
    select
        * exclude (best_comparable_score_of_year, max_gflops_released_so_far),
        {{ cutting_edge_rule('domain') }} as cutting_edge_rule,
        {{ is_cutting_edge('domain', 'is_best_of_year', 'is_most_demanding_at_release') }} as is_cutting_edge
    from flagged
)

select * from final
