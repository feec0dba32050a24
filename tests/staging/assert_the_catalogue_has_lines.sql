{#
    The user's catalogue holds at least one line after its header: a file with
    only a header (or nothing) is a wrong path or a failed export, not a
    catalogue of nothing.
    (A missing file already fails where DuckDB reads it, naming the path.)
#}
{% set failures %}
    with catalogue as (
        select * from {{ ref('stg_catalogue__models') }}
    )

    select
        {# the source renders as the reader of the file, path included (one home: the source YAML) #}
        'the catalogue read by ' || {{ sql_string(source('catalogue', 'models') | string) }}
        || ' has no line of data (an empty file, or a header only)' as failure_message
    where not exists (select 1 from catalogue)
{% endset %}
{{ failing_rows('the catalogue has at least one model', failures) }}
