{# The paper's bibliography: one row per reference, with a link and how often the tables cite it. #}
with paper_references as (
    select * from {{ ref('int_paper_references_counted') }}
),

final as (
    select
        cast(ref_number as integer) as ref_number,
        cast(authors as varchar) as authors,
        cast(title as varchar) as title,
        cast(publication_year as integer) as publication_year,
        cast(venue as varchar) as venue,
        cast(url as varchar) as url,
        cast(doi as varchar) as doi,
        cast(arxiv_id as varchar) as arxiv_id,
        cast(link as varchar) as link,
        cast(transcription_status as varchar) as transcription_status,
        cast(transcription_note as varchar) as transcription_note,
        cast(n_cited_values as integer) as n_cited_values,
        cast(n_cited_rows as integer) as n_cited_rows
    from paper_references
)

select * from final
