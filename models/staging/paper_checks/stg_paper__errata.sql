{# Documented discrepancies between printed and derived numbers (seed paper_errata), keyed like the checks. #}
with source as (
    select * from {{ ref('paper_errata') }}
),

renamed as (
    select
        trim(erratum_id) as erratum_id,
        trim(table_ref) as table_ref,
        trim(row_key) as row_key,
        trim(column_name) as column_name,
        trim(printed_value) as printed_value,
        trim(explanation) as explanation
    from source
)

select * from renamed
