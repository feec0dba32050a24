{#
    Appendix H recomputed from its inputs: EfficientNet compound scaling
    FLOPs ~ d x w^2 x r^2 (Eq. H.2) from the H.5 coefficients and the test
    resolutions, quadratic resolution scaling for FixEfficientNet-B7/-B0 and
    ViT-G/14 (from the H.6 GFLOPs at 384 px), and reuse of an estimate for
    Meta Pseudo Labels L2. Factors are exact ratios (the paper rounds them to
    4 decimals, e.g. r = 1.3334 for 800 / 600).
#}
with inputs as (
    select * from {{ ref('stg_paper__flops_estimation_inputs') }}
),

models as (
    select * from {{ ref('stg_paper__cv_models') }}
),

specs as (
    select * from {{ ref('stg_paper__efficientnet_scaling_specs') }}
),

vit as (
    select * from {{ ref('stg_paper__vit_g14_gflops_by_resolution') }}
),

scaled as (
    select
        inputs.estimated_model_id,
        inputs.method,
        inputs.base_model_id,
        inputs.base_vit_resolution_px,
        inputs.printed_estimate_gflops,
        inputs.printed_half_unit_gflops,
        coalesce(base_model.gflops, vit.gflops) as base_gflops,
        case
            when inputs.method = 'efficientnet_compound_scaling'
                then target_spec.depth_coefficient / base_spec.depth_coefficient
            else 1.0
        end as depth_factor,
        case
            when inputs.method = 'efficientnet_compound_scaling'
                then target_spec.width_coefficient / base_spec.width_coefficient
            else 1.0
        end as width_factor,
        inputs.target_resolution_px / inputs.base_resolution_px as resolution_factor
    from inputs
    left join models as base_model on inputs.base_model_id = base_model.model_id
    left join vit on inputs.base_vit_resolution_px = vit.resolution_px
    left join specs as base_spec on inputs.base_scaling_spec = base_spec.model_name
    left join specs as target_spec on inputs.target_scaling_spec = target_spec.model_name
    where inputs.method <> 'same_as_other_estimate'
),

direct_estimates as (
    select
        *,
        base_gflops * depth_factor * pow(width_factor, 2) * pow(resolution_factor, 2) as estimated_gflops
    from scaled
),

reused_estimates as (
    select
        inputs.estimated_model_id,
        inputs.method,
        direct_estimates.base_model_id,
        direct_estimates.base_vit_resolution_px,
        inputs.printed_estimate_gflops,
        inputs.printed_half_unit_gflops,
        direct_estimates.base_gflops,
        direct_estimates.depth_factor,
        direct_estimates.width_factor,
        direct_estimates.resolution_factor,
        direct_estimates.estimated_gflops
    from inputs
    inner join direct_estimates on inputs.same_estimate_as = direct_estimates.estimated_model_id
    where inputs.method = 'same_as_other_estimate'
),

final as (
    select * from direct_estimates
    union all
    select * from reused_estimates
)

select * from final
