{#
    Points of the compute and energy refits over both datasets (dataset
    'paper_and_extension'): GFLOPs and Joules (refitted efficiency) over
    release date, all models and the cutting edge, per domain (cv, nlp, llm;
    llm per generated token). The trend_id is read from seed trend_definitions
    by the structured key (macro trend_key_matches).
#}
with models as (
    select * from {{ ref('int_extended_models_flagged') }}
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
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.extended_fit_joules end as y_value
    from models
    cross join series
    union all
    select
        series.quantity,
        models.domain,
        models.cutting_edge_rule as subset,
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.extended_fit_joules end as y_value
    from models
    cross join series
    where models.is_cutting_edge
),

keyed as (
    select
        *,
        cast(null as varchar) as number_format,
        'paper_and_extension' as dataset
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
