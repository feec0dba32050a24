{#
    Points of the compute and energy trends (Figs. 3, 6, 9, 10): GFLOPs and
    Joules per inference over release date, for all models (solid lines) and
    for the cutting edge of each domain (dashed lines; rule in int_models_flagged).
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
),

selections as (
    select * from models
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
        'compute_' || domain || '_' || cutting_edge_rule as trend_id,
        model_id,
        release_date as x_date,
        gflops as y_value
    from selections
    where is_cutting_edge
    union all
    select
        'energy_' || domain || '_all' as trend_id,
        model_id,
        release_date as x_date,
        joules_per_inference as y_value
    from selections
    union all
    select
        'energy_' || domain || '_' || cutting_edge_rule as trend_id,
        model_id,
        release_date as x_date,
        joules_per_inference as y_value
    from selections
    where is_cutting_edge
)

select * from points
