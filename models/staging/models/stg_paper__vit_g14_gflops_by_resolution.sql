{# Table H.6, typed: ViT-G/14 GFLOPs at 224 and 384 px. #}
with source as (
    select * from {{ ref('vit_g14_gflops_by_resolution') }}
),

typed as (
    select
        trim(model_name) as model_name,
        {{ typed('resolution_px', 'integer') }} as resolution_px,
        {{ gflops_from_reported(typed('gflops', 'double'), 'gflops_convention') }} as gflops,
        lower(trim(gflops_convention)) as gflops_convention
    from source
)

select * from typed
