{#
    The report's figures, one row per figure: the section it sits in, its order
    there and its caption (seed figures, the one home of that vocabulary). The
    report reads its figure list and captions here.
#}
with figures as (
    select * from {{ ref('stg_project__figures') }}
),

final as (
    select
        figure_id,
        report_section,
        report_order,
        caption
    from figures
)

select * from final
