{#
    Points of the compute and energy refits over both datasets (trend ids
    ending in '__extended'): GFLOPs and Joules (refitted efficiency) over
    release date, all models and the cutting edge, per domain (cv, nlp, llm;
    llm per generated token).
#}
with models as (
    select * from {{ ref('int_extended_models_flagged') }}
    where gflops is not null
),

series as (
    select unnest(['compute', 'energy']) as quantity
),

points as (
    select
        series.quantity || '_' || models.domain || '_all__extended' as trend_id,
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.extended_fit_joules end as y_value
    from models
    cross join series
    union all
    select
        series.quantity || '_' || models.domain || '_' || models.cutting_edge_rule || '__extended' as trend_id,
        models.model_id,
        models.release_date as x_date,
        case series.quantity when 'compute' then models.gflops else models.extended_fit_joules end as y_value
    from models
    cross join series
    where models.is_cutting_edge
)

select * from points
