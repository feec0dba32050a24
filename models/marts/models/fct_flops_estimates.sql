{# Appendix H recomputed: the GFLOPs the paper estimated, from the H.5 / H.6 inputs and the scaling relations. #}
with estimates as (
    select * from {{ ref('int_flops_estimates_computed') }}
),

models as (
    select * from {{ ref('int_models_unioned') }}
    where dataset = 'paper' and domain = 'cv'
),

reproduction as (
    select * from {{ ref('int_printed_values_reproduced') }}
    where table_ref = 'Appendix H' and column_name = 'estimated_gflops'
),

final as (
    select
        cast(estimates.estimated_model_id as varchar) as model_id,
        cast(models.model_name as varchar) as model_name,
        cast(estimates.method as varchar) as method,
        cast(estimates.base_model_id as varchar) as base_model_id,
        cast(estimates.base_vit_resolution_px as integer) as base_vit_resolution_px,
        cast(estimates.base_gflops as double) as base_gflops,
        cast(estimates.depth_factor as double) as depth_factor,
        cast(estimates.width_factor as double) as width_factor,
        cast(estimates.resolution_factor as double) as resolution_factor,
        cast(estimates.estimated_gflops as double) as estimated_gflops,
        cast(models.gflops as double) as published_gflops,
        cast(estimates.printed_estimate_gflops as double) as printed_appendix_h_gflops,
        cast((estimates.estimated_gflops - models.gflops) / models.gflops as double) as relative_difference,
        cast(reproduction.is_consistent as boolean) as is_within_printed_precision,
        cast(reproduction.status as varchar) as status,
        cast(reproduction.erratum_id as varchar) as erratum_id
    from estimates
    inner join models on estimates.estimated_model_id = models.model_id
    left join reproduction on estimates.estimated_model_id = reproduction.row_key
)

select * from final
