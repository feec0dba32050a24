{#
    One row per bibliography number cited by a value of the paper's tables: the
    `*_ref` columns of Tables B.2 (cv_models) and I.7 (nlp_models), which may hold
    several numbers separated by ';', and the bracketed source_ref of Section 8's
    human energy references, each resolved to its reference. A number without a
    reference keeps a null title (a test fails on it): nothing is dropped.
#}
with cv_models as (
    select * from {{ ref('stg_paper__cv_models') }}
),

nlp_models as (
    select * from {{ ref('stg_paper__nlp_models') }}
),

human_energy_references as (
    select * from {{ ref('stg_paper__human_energy_references') }}
),

paper_references as (
    select * from {{ ref('stg_paper__references') }}
),

{# one column per cited value, named after the value the reference is the source of #}
cv_refs as (
    select
        'cv_models' as cited_table,
        model_id as row_id,
        model_ref as model_paper,
        top1_accuracy_ref as top1_accuracy_pct,
        params_ref as params_millions,
        gflops_ref as gflops
    from cv_models
),

nlp_refs as (
    select
        'nlp_models' as cited_table,
        model_id as row_id,
        model_ref as model_paper,
        gflops_ref as gflops,
        glue_score_ref as glue_score
    from nlp_models
),

cited_cells as (
    unpivot cv_refs
    on model_paper, top1_accuracy_pct, params_millions, gflops
    into name cited_value value ref_text

    union all

    unpivot nlp_refs
    on model_paper, gflops, glue_score
    into name cited_value value ref_text

    union all

    {# 'Section 8' points into the paper itself, not its bibliography #}
    select
        'human_energy_references' as cited_table,
        quantity_id as row_id,
        'quantity_value' as cited_value,
        source_ref as ref_text
    from human_energy_references
    where source_ref like '[%]'
),

cited_numbers as (
    select
        cited_cells.cited_table,
        cited_cells.row_id,
        cited_cells.cited_value,
        cited_cells.ref_text,
        trim(trim(numbers.cited_number), '[]') as ref_number_text
    from cited_cells
    cross join unnest(string_split(cited_cells.ref_text, ';')) as numbers (cited_number)
    where cited_cells.ref_text is not null
),

final as (
    select
        cited_numbers.cited_table,
        cited_numbers.row_id,
        cited_numbers.cited_value,
        cited_numbers.ref_text,
        paper_references.authors,
        paper_references.title,
        paper_references.publication_year,
        paper_references.link,
        try_cast(cited_numbers.ref_number_text as integer) as ref_number
    from cited_numbers
    left join paper_references
        on try_cast(cited_numbers.ref_number_text as integer) = paper_references.ref_number
)

select * from final
