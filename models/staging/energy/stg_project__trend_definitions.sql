{#
    Each fitted trend, typed: its structured key (what it fits, for which rows) and how it
    is described (seed trend_definitions).
#}
with source as (
    select * from {{ ref('trend_definitions') }}
),

typed as (
    select
        trim(trend_id) as trend_id,
        trim(quantity) as quantity,
        nullif(trim(domain), '') as domain,
        nullif(trim(subset), '') as subset,
        nullif(trim(number_format), '') as number_format,
        trim(dataset) as dataset,
        trim(figure_ref) as figure_ref,
        trim(description) as description,
        nullif(trim(report_label), '') as report_label,
        {{ typed('report_order', 'integer') }} as report_order,
        nullif(trim(extends_trend_id), '') as extends_trend_id
    from source
)

select * from typed
