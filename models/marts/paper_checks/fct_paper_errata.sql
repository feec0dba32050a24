{# Documented discrepancies between numbers printed in the paper and our derivation, with the derived value. #}
with reproduction as (
    select * from {{ ref('int_printed_values_reproduced') }}
    where erratum_id is not null
),

final as (
    select
        cast(erratum_id as varchar) as erratum_id,
        cast(table_ref as varchar) as table_ref,
        cast(row_key as varchar) as row_key,
        cast(row_label as varchar) as row_label,
        cast(column_name as varchar) as column_name,
        cast(erratum_printed_value as varchar) as printed_value,
        cast(derived_value as double) as derived_value,
        cast(status as varchar) as status,
        cast(status = 'documented_erratum' as boolean) as is_still_inconsistent,
        cast(detail as varchar) as check_detail,
        cast(erratum_explanation as varchar) as explanation
    from reproduction
)

select * from final
