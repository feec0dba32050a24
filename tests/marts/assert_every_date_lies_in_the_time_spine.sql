{#
    Every date a metric of the semantic layer is aggregated by (the agg_time
    dimensions of models/marts/_marts__semantic.yml) lies inside the time
    spine dim_days: a date outside it would drop out of MetricFlow's time
    grains. Widen vars time_spine_start / time_spine_end when this fails.
#}
{% set failures %}
    with days as (
        select
            min(date_day) as first_day,
            max(date_day) as last_day
        from {{ ref('dim_days') }}
    ),

    dated as (
        select 'fct_inference_energy' as mart, model_id as row_id, release_date as metric_date
        from {{ ref('fct_inference_energy') }}
        union all
        select 'fct_inference_energy_2012_2025', model_id, release_date
        from {{ ref('fct_inference_energy_2012_2025') }}
        union all
        select 'fct_gpu_efficiency', gpu_id || '/' || precision || '/' || adapted_for, launch_date
        from {{ ref('fct_gpu_efficiency') }}
    )

    select
        dated.mart || ' row ''' || dated.row_id || ''': date ' || dated.metric_date
        || ' lies outside dim_days (' || days.first_day || ' to ' || days.last_day || ')' as failure_message
    from dated
    cross join days
    where dated.metric_date not between days.first_day and days.last_day
{% endset %}
{{ failing_rows('every date a metric is aggregated by lies inside the time spine dim_days', failures) }}
