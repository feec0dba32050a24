{# Every value of the paper's tables that cites the bibliography, with the reference's title. #}
with citations as (
    select * from {{ ref('int_paper_citations_resolved') }}
),

final as (
    select
        cast(cited_table as varchar) as cited_table,
        cast(row_id as varchar) as row_id,
        cast(cited_value as varchar) as cited_value,
        cast(ref_text as varchar) as ref_text,
        cast(ref_number as integer) as ref_number,
        cast(title as varchar) as title,
        cast(authors as varchar) as authors,
        cast(publication_year as integer) as publication_year,
        cast(link as varchar) as link
    from citations
)

select * from final
