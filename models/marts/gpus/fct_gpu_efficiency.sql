{#
    Tables J.8 and J.9, computed: GFLOPS per Watt per GPU, precision and
    adaptation, next to what the paper printed, and whether the row is a point
    of the Fig. 8 fit of each domain.
#}
with efficiencies as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
),

fit_points as (
    select * from {{ ref('int_gpu_efficiency_fit_points') }}
    where dataset = 'paper'
),

fit_membership as (
    select
        gpu_id,
        precision,
        adapted_for,
        bool_or(trend_id = 'gpu_efficiency_cv') as is_cv_fit_point,
        bool_or(trend_id = 'gpu_efficiency_nlp') as is_nlp_fit_point
    from fit_points
    group by gpu_id, precision, adapted_for
),

final as (
    select
        cast(efficiencies.gpu_id as varchar) as gpu_id,
        cast(efficiencies.gpu_name as varchar) as gpu_name,
        cast(efficiencies.precision as varchar) as precision,
        cast(efficiencies.adapted_for as varchar) as adapted_for,
        cast(efficiencies.tflops as double) as tflops,
        cast(efficiencies.watts as double) as watts,
        cast(efficiencies.launch_date as date) as launch_date,
        cast(efficiencies.gpu_type as varchar) as gpu_type,
        cast(efficiencies.gflops_per_watt as double) as gflops_per_watt,
        cast(efficiencies.speedup_vs_fp32 as double) as speedup_vs_fp32,
        cast(efficiencies.baseline_gpu_id as varchar) as baseline_gpu_id,
        cast(efficiencies.n_benchmarks as integer) as n_benchmarks,
        cast(efficiencies.published_j9_tflops as double) as published_tflops,
        cast(efficiencies.published_j9_gflops_per_watt as double) as published_gflops_per_watt,
        cast(efficiencies.published_j8_gflops_per_watt as double) as published_j8_gflops_per_watt,
        coalesce(fit_membership.is_cv_fit_point, false) as is_cv_fit_point,
        coalesce(fit_membership.is_nlp_fit_point, false) as is_nlp_fit_point
    from efficiencies
    left join fit_membership
        on
            efficiencies.gpu_id = fit_membership.gpu_id
            and efficiencies.precision = fit_membership.precision
            and efficiencies.adapted_for = fit_membership.adapted_for
)

select * from final
