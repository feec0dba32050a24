{# The paper's reference list, typed; a link per reference where the paper prints one. #}
with source as (
    select * from {{ ref('paper_references') }}
),

typed as (
    select
        {{ typed('ref_number', 'integer') }} as ref_number,
        trim(authors) as authors,
        trim(title) as title,
        {{ typed('year', 'integer') }} as publication_year,
        nullif(trim(venue), '') as venue,
        nullif(trim(url), '') as url,
        nullif(trim(doi), '') as doi,
        nullif(trim(arxiv_id), '') as arxiv_id,
        transcription_status,
        nullif(trim(transcription_note), '') as transcription_note
    from source
),

linked as (
    select
        *,
        {# the printed URL first; else the DOI or arXiv id the paper prints, as a resolver link #}
        coalesce(
            url,
            'https://doi.org/' || doi,
            'https://arxiv.org/abs/' || arxiv_id
        ) as link
    from typed
)

select * from linked
