{#
    Failures of "printed value vs value derived from the paper's own inputs"
    checks. `checks_sql` selects check_name, row_key, detail (text shown on
    failure) and is_consistent. Rows listed in paper_errata under their
    check_name and row_key are documented exceptions: they must stay
    inconsistent (a stale erratum fails too), and every erratum must match a
    checked row.
#}
{% macro errata_aware_failures(checks_sql) %}
    with checks as (
        {{ checks_sql }}
    ),

    exceptions as (
        select
            check_name,
            row_key
        from {{ ref('stg_paper__errata') }}
    )

    select
        '[' || checks.check_name || '] row ''' || checks.row_key || ''': ' || checks.detail
        || ' (not documented in paper_errata)' as failure_message
    from checks
    left join exceptions
        on checks.check_name = exceptions.check_name and checks.row_key = exceptions.row_key
    where not checks.is_consistent and exceptions.row_key is null

    union all

    select
        '[' || checks.check_name || '] row ''' || checks.row_key || ''' is listed in paper_errata but is now consistent ('
        || checks.detail || '): remove the stale erratum' as failure_message
    from checks
    inner join exceptions
        on checks.check_name = exceptions.check_name and checks.row_key = exceptions.row_key
    where checks.is_consistent

    union all

    select
        'paper_errata row (' || exceptions.check_name || ', ''' || exceptions.row_key
        || ''') matches no checked row' as failure_message
    from exceptions
    left join checks
        on checks.check_name = exceptions.check_name and checks.row_key = exceptions.row_key
    where checks.row_key is null
{% endmacro %}

{#
    Status of a printed number against our derivation: reproduced, a
    documented_erratum (listed in paper_errata), or an undocumented mismatch.
#}
{% macro reproduction_status(is_consistent_sql, erratum_id_sql) -%}
    case
        when {{ is_consistent_sql }} then 'reproduced'
        when {{ erratum_id_sql }} is not null then 'documented_erratum'
        else 'mismatch'
    end
{%- endmacro %}
