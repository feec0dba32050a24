{# Appendix H recomputed: the GFLOPs the paper estimated, from the H.5 / H.6 inputs and the scaling relations. #}
with estimates as (
    select * from {{ ref('int_flops_estimates_computed') }}
),

models as (
    select * from {{ ref('stg_paper__cv_models') }}
),

checks as (
    select * from {{ ref('int_printed_value_checks') }}
    where check_name = 'h_estimated_gflops'
),

errata as (
    select * from {{ ref('stg_paper__errata') }}
    where check_name = 'h_estimated_gflops'
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
        cast(checks.is_consistent as boolean) as is_within_printed_precision,
        cast({{ reproduction_status('checks.is_consistent', 'errata.erratum_id') }} as varchar) as status,
        cast(errata.erratum_id as varchar) as erratum_id
    from estimates
    inner join models on estimates.estimated_model_id = models.model_id
    left join checks on estimates.estimated_model_id = checks.row_key
    left join errata on estimates.estimated_model_id = errata.row_key
)

select * from final
