{#
    Points of the compute and energy trends (Figs. 3, 6, 9, 10): GFLOPs and
    Joules per inference over release date, for all models (solid lines) and
    for the cutting edge (dashed lines): the best model of each year for CV,
    and, for NLP, the models that were the most demanding when released (the
    NLP models with a GLUE score span only 2018 and 2020, too few for a fit).
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
),

selections as (
    select
        *,
        true as is_in_all,
        case domain
            when 'cv' then is_best_of_year
            when 'nlp' then is_most_demanding_at_release
        end as is_in_cutting_edge,
        case domain when 'cv' then 'best_of_year' when 'nlp' then 'most_demanding' end as cutting_edge_name
    from models
    where gflops is not null
),

points as (
    select
        'compute_' || domain || '_all' as trend_id,
        model_id,
        release_date as x_date,
        gflops as y_value
    from selections
    union all
    select
        'compute_' || domain || '_' || cutting_edge_name as trend_id,
        model_id,
        release_date as x_date,
        gflops as y_value
    from selections
    where is_in_cutting_edge
    union all
    select
        'energy_' || domain || '_all' as trend_id,
        model_id,
        release_date as x_date,
        joules_per_inference as y_value
    from selections
    union all
    select
        'energy_' || domain || '_' || cutting_edge_name as trend_id,
        model_id,
        release_date as x_date,
        joules_per_inference as y_value
    from selections
    where is_in_cutting_edge
)

select * from points
