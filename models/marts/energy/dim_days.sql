{#
    One row per calendar day: MetricFlow's time spine (the semantic layer in
    _marts__semantic.yml joins metrics to it to fill and roll up time grains).
    The range covers every date of both datasets (the earliest GPU, 2010, to
    the catalogue horizon) with margin; it reads no data.
#}
with days as (
    select cast(day_ts as date) as date_day
    from generate_series(
        date '{{ var("time_spine_start") }}',
        date '{{ var("time_spine_end") }}',
        interval 1 day
    ) as spine (day_ts)
),

final as (
    select
        date_day,
        cast(year(date_day) as integer) as calendar_year
    from days
)

select * from final
