{#
    Points of the compute and energy trends (Figs. 3, 6, 9, 10): GFLOPs and
    Joules per inference over release date, for all models (solid lines) and
    for the cutting edge of each domain (dashed lines; rule in int_models_flagged).
    Each point carries its trend's structured key; the trend_id is read from
    seed trend_definitions (macro trend_key_matches), never built as text.
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

selections as (
    select * from models
    where gflops is not null
),

series as (
    select unnest(['compute', 'energy']) as quantity
),

points as (
    select
        series.quantity,
        selections.domain,
        'all' as subset,
        selections.model_id,
        selections.release_date as x_date,
        case series.quantity when 'compute' then selections.gflops else selections.joules_per_inference end as y_value
    from selections
    cross join series
    union all
    select
        series.quantity,
        selections.domain,
        selections.cutting_edge_rule as subset,
        selections.model_id,
        selections.release_date as x_date,
        case series.quantity when 'compute' then selections.gflops else selections.joules_per_inference end as y_value
    from selections
    cross join series
    where selections.is_cutting_edge
),

keyed as (
    select
        *,
        cast(null as varchar) as number_format,
        'paper' as dataset
    from points
),

final as (
    select
        definitions.trend_id,
        keyed.model_id,
        keyed.x_date,
        keyed.y_value,
        keyed.quantity,
        keyed.domain,
        keyed.subset,
        keyed.dataset
    from keyed
    left join definitions on {{ trend_key_matches('keyed', 'definitions') }}
)

select * from final
