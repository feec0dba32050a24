{# Table 1 as printed, typed (validation input). #}
with source as (
    select * from {{ ref('alexnet_flops_peers') }}
),

typed as (
    select
        trim(model_id) as model_id,
        trim(model_name) as model_name,
        {{ typed('top1_accuracy_pct', 'double') }} as top1_accuracy_pct,
        {{ typed('gflops', 'double') }} as gflops,
        {{ typed('release_year', 'integer') }} as release_year
    from source
)

select * from typed
