{# Single numbers printed in the paper's text, typed (validation inputs). #}
with source as (
    select * from {{ ref('published_statistics') }}
),

typed as (
    select
        trim(statistic_id) as statistic_id,
        {{ typed('statistic_value', 'double') }} as statistic_value,
        nullif(trim(source_ref), '') as source_ref,
        nullif(trim(description), '') as description
    from source
)

select * from typed
