{#
    The paper's answer, one row per CV and NLP model: Joules per inference
    (Eq. 2) = GFLOPs / GFLOPS per Watt expected at the release date from the
    domain's Fig. 8 fit, with the 95 % interval of the fit, and the flags the
    figures select on.
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper'
),

final as (
    select
        cast(domain as varchar) as domain,
        cast(model_id as varchar) as model_id,
        cast(model_name as varchar) as model_name,
        cast(release_date as date) as release_date,
        cast(release_year as integer) as release_year,
        cast(gflops as double) as gflops,
        cast(input_tokens as integer) as input_tokens,
        cast(params_millions as double) as params_millions,
        cast(top1_accuracy_pct as double) as top1_accuracy_pct,
        cast(glue_score as double) as glue_score,
        cast(performance_score as double) as performance_score,
        cast(extra_data as varchar) as extra_data,
        cast(has_extra_data as boolean) as has_extra_data,
        cast(architecture as varchar) as architecture,
        cast(is_gflops_estimated as boolean) as is_gflops_estimated,
        cast(transcription_status as varchar) as transcription_status,
        cast(efficiency_trend_id as varchar) as efficiency_trend_id,
        cast(gflops_per_watt_at_release as double) as gflops_per_watt_at_release,
        cast(gflops_per_watt_at_release_mean_ci95_low as double) as gflops_per_watt_at_release_mean_ci95_low,
        cast(gflops_per_watt_at_release_mean_ci95_high as double) as gflops_per_watt_at_release_mean_ci95_high,
        cast(gflops_per_watt_at_release_pred95_low as double) as gflops_per_watt_at_release_pred95_low,
        cast(gflops_per_watt_at_release_pred95_high as double) as gflops_per_watt_at_release_pred95_high,
        cast(joules_per_inference as double) as joules_per_inference,
        cast(joules_per_inference_mean_ci95_low as double) as joules_per_inference_mean_ci95_low,
        cast(joules_per_inference_mean_ci95_high as double) as joules_per_inference_mean_ci95_high,
        cast(joules_per_inference_pred95_low as double) as joules_per_inference_pred95_low,
        cast(joules_per_inference_pred95_high as double) as joules_per_inference_pred95_high,
        cast(is_efficiency_extrapolated as boolean) as is_efficiency_extrapolated,
        cast(is_best_of_year as boolean) as is_best_of_year,
        cast(is_most_demanding_at_release as boolean) as is_most_demanding_at_release,
        cast(cutting_edge_rule as varchar) as cutting_edge_rule,
        cast(is_cutting_edge as boolean) as is_cutting_edge,
        cast(is_pareto_optimal_joules as boolean) as is_pareto_optimal,
        cast(is_pareto_optimal_gflops as boolean) as is_pareto_optimal_gflops
    from models
)

select * from final
