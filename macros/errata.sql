{#
    Shared shape of the "printed value vs value derived from the row's own
    inputs" checks. `checks_sql` selects row_key, detail (text shown on
    failure) and is_consistent (boolean). Rows listed in paper_errata under
    `check_name` are documented exceptions: they must stay inconsistent (a
    stale erratum fails too), and every erratum must match a row.
#}
{% macro errata_aware_failures(check_name, checks_sql) %}
    with checks as (
        {{ checks_sql }}
    ),

    exceptions as (
        select row_key from {{ ref('stg_paper__errata') }}
        where check_name = {{ sql_string(check_name) }}
    )

    select 'row ''' || checks.row_key || ''': ' || checks.detail as failure_message
    from checks
    where not checks.is_consistent
        and checks.row_key not in (select row_key from exceptions)

    union all

    select
        'row ''' || checks.row_key || ''' is listed in paper_errata but is now consistent ('
        || checks.detail || '): remove the stale erratum' as failure_message
    from checks
    where checks.is_consistent
        and checks.row_key in (select row_key from exceptions)

    union all

    select 'paper_errata row_key ''' || exceptions.row_key || ''' matches no row of this check' as failure_message
    from exceptions
    where exceptions.row_key not in (select row_key from checks)
{% endmacro %}
