{#
    Energy per inference (per generated token for LLMs) of every model of the
    paper and of 2021-2025, by the paper's method (its own efficiency fit,
    extrapolated past its last GPU and flagged) and by the efficiency refit
    over both datasets, with pred95 and mean_ci95 intervals and the cutting
    edge over both datasets. The paper's own numbers stay in
    fct_inference_energy; here the paper's rows are recomputed with the refit.
#}
with models as (
    select * from {{ ref('int_models_flagged') }}
    where trend_dataset = 'paper_and_extension'
),

final as (
    select
        cast(model_id as varchar) as model_id,
        cast(dataset as varchar) as dataset,
        cast(domain as varchar) as domain,
        cast(model_name as varchar) as model_name,
        cast(release_date as date) as release_date,
        cast(release_year as integer) as release_year,
        cast(gflops as double) as gflops,
        cast(gflops_unit as varchar) as gflops_unit,
        cast(params_millions as double) as params_millions,
        cast(active_params_millions as double) as active_params_millions,
        cast(performance_score as double) as performance_score,
        cast(performance_metric as varchar) as performance_metric,
        cast(is_performance_comparable as boolean) as is_performance_comparable,
        cast(is_gflops_estimated as boolean) as is_gflops_estimated,
        cast(confidence as varchar) as confidence,
        cast(cutting_edge_rule as varchar) as cutting_edge_rule,
        cast(is_cutting_edge as boolean) as is_cutting_edge,
        cast(efficiency_trend_id as varchar) as paper_efficiency_trend_id,
        cast(is_after_paper_efficiency_data as boolean) as is_after_paper_efficiency_data,
        cast(gflops_per_watt_at_release as double) as paper_method_gflops_per_watt,
        cast(joules_per_inference as double) as paper_method_joules,
        cast(joules_per_inference_pred95_low as double) as paper_method_joules_pred95_low,
        cast(joules_per_inference_pred95_high as double) as paper_method_joules_pred95_high,
        cast(extended_efficiency_trend_id as varchar) as extended_efficiency_trend_id,
        cast(extended_fit_gflops_per_watt as double) as extended_fit_gflops_per_watt,
        cast(extended_fit_joules as double) as extended_fit_joules,
        cast(extended_fit_joules_mean_ci95_low as double) as extended_fit_joules_mean_ci95_low,
        cast(extended_fit_joules_mean_ci95_high as double) as extended_fit_joules_mean_ci95_high,
        cast(extended_fit_joules_pred95_low as double) as extended_fit_joules_pred95_low,
        cast(extended_fit_joules_pred95_high as double) as extended_fit_joules_pred95_high
    from models
)

select * from final
