{# FLOPs per sample of each MLPerf benchmark (seed benchmark_flops), typed and in the paper's convention. #}
with source as (
    select * from {{ ref('benchmark_flops') }}
),

typed as (
    select
        trim(benchmark_id) as benchmark_id,
        trim(domain) as domain,
        trim(benchmark_name) as benchmark_name,
        {{ typed('multiply_adds_per_sample_g', 'double') }} as multiply_adds_per_sample_g,
        {{ typed('flops_per_multiply_add', 'integer') }} as flops_per_multiply_add,
        trim(derivation) as derivation,
        trim(source_url) as source_url
    from source
),

final as (
    select
        *,
        multiply_adds_per_sample_g * flops_per_multiply_add as gflops_per_sample
    from typed
)

select * from final
