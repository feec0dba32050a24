{#
    Points of the compute and energy trends of both trend datasets (Figs. 3, 6,
    9, 10 and their refits): GFLOPs and Joules per inference (per generated
    token for LLMs) over release date, for all models (solid lines) and for the
    cutting edge of each domain (dashed lines), each selection within its trend
    dataset (int_models_flagged). Each point carries its trend's structured key;
    the trend_id is read from seed trend_definitions (macro
    trend_key_matches), never built as text.
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
    where gflops is not null
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

series as (
    select unnest(['compute', 'energy']) as quantity
),

points as (
    select
        series.quantity,
        models.domain,
        'all' as subset,
        models.trend_dataset as dataset,
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.trend_joules end as y_value
    from models
    cross join series
    union all
    select
        series.quantity,
        models.domain,
        models.cutting_edge_rule as subset,
        models.trend_dataset as dataset,
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.trend_joules end as y_value
    from models
    cross join series
    where models.is_cutting_edge
),

keyed as (
    select
        *,
        cast(null as varchar) as number_format
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
