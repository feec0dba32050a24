{# How each fitted trend is described (seed trend_definitions), typed. #}
with source as (
    select * from {{ ref('trend_definitions') }}
),

typed as (
    select
        trim(trend_id) as trend_id,
        trim(figure_ref) as figure_ref,
        trim(description) as description,
        nullif(trim(report_label), '') as report_label,
        {{ typed('report_order', 'integer') }} as report_order,
        nullif(trim(extends_trend_id), '') as extends_trend_id
    from source
)

select * from typed
