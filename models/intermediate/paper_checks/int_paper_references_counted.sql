{# Each reference of the paper with how many values of its tables cite it. #}
with paper_references as (
    select * from {{ ref('stg_paper__references') }}
),

citations as (
    select * from {{ ref('int_paper_citations_resolved') }}
),

cited as (
    select
        ref_number,
        count(*) as n_cited_values,
        count(distinct cited_table || '/' || row_id) as n_cited_rows
    from citations
    group by ref_number
),

final as (
    select
        paper_references.*,
        coalesce(cited.n_cited_values, 0) as n_cited_values,
        coalesce(cited.n_cited_rows, 0) as n_cited_rows
    from paper_references
    left join cited
        on paper_references.ref_number = cited.ref_number
)

select * from final
