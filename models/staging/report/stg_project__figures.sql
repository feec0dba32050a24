{# The report's figures (seed figures), typed. #}
with source as (
    select * from {{ ref('figures') }}
),

typed as (
    select
        trim(figure_id) as figure_id,
        trim(report_section) as report_section,
        {{ typed('report_order', 'integer') }} as report_order,
        trim(caption) as caption
    from source
)

select * from typed
