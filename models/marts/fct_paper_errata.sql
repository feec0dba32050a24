{# Documented discrepancies between numbers printed in the paper and our derivation, with the derived value. #}
with errata as (
    select * from {{ ref('stg_paper__errata') }}
),

checks as (
    select * from {{ ref('int_printed_value_checks') }}
),

final as (
    select
        cast(errata.erratum_id as varchar) as erratum_id,
        cast(errata.table_ref as varchar) as table_ref,
        cast(errata.row_key as varchar) as row_key,
        cast(errata.column_name as varchar) as column_name,
        cast(errata.printed_value as varchar) as printed_value,
        cast(checks.derived_value as double) as derived_value,
        cast(errata.check_name as varchar) as check_name,
        cast(not checks.is_consistent as boolean) as is_still_inconsistent,
        cast(checks.detail as varchar) as check_detail,
        cast(errata.explanation as varchar) as explanation
    from errata
    left join checks
        on errata.check_name = checks.check_name and errata.row_key = checks.row_key
)

select * from final
