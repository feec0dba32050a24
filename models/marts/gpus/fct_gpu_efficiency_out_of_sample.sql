{#
    Did the paper's GPU trends predict 2020-2025? Every extension datasheet
    peak against the paper's fits read at its launch date, with the
    prediction interval of one new GPU (pred95), and against the refit over
    both datasets. One row per GPU x precision x paper fit.
#}
with checked as (
    select * from {{ ref('int_gpu_peaks_checked_out_of_sample') }}
),

final as (
    select
        cast(gpu_id as varchar) as gpu_id,
        cast(gpu_name as varchar) as gpu_name,
        cast(architecture as varchar) as architecture,
        cast(precision as varchar) as precision,
        cast(number_format as varchar) as number_format,
        cast(precision_class as varchar) as precision_class,
        cast(throughput_kind as varchar) as throughput_kind,
        cast(launch_date as date) as launch_date,
        cast(tflops as double) as tflops,
        cast(watts as double) as watts,
        cast(is_derived_from_sparse as boolean) as is_derived_from_sparse,
        cast(is_gpu_in_paper as boolean) as is_gpu_in_paper,
        cast(datasheet_gflops_per_watt as double) as datasheet_gflops_per_watt,
        cast(paper_fit_role as varchar) as paper_fit_role,
        cast(paper_trend_id as varchar) as paper_trend_id,
        cast(is_after_paper_fit_data as boolean) as is_after_paper_fit_data,
        cast(paper_fit_gflops_per_watt as double) as paper_fit_gflops_per_watt,
        cast(paper_fit_gflops_per_watt_pred95_low as double) as paper_fit_gflops_per_watt_pred95_low,
        cast(paper_fit_gflops_per_watt_pred95_high as double) as paper_fit_gflops_per_watt_pred95_high,
        cast(datasheet_to_paper_fit_ratio as double) as datasheet_to_paper_fit_ratio,
        cast(is_inside_paper_fit_pred95 as boolean) as is_inside_paper_fit_pred95,
        cast(refit_trend_id as varchar) as refit_trend_id,
        cast(refit_gflops_per_watt as double) as refit_gflops_per_watt,
        cast(refit_gflops_per_watt_pred95_low as double) as refit_gflops_per_watt_pred95_low,
        cast(refit_gflops_per_watt_pred95_high as double) as refit_gflops_per_watt_pred95_high,
        cast(is_refit_point as boolean) as is_refit_point,
        cast(refit_exclusion_reason as varchar) as refit_exclusion_reason
    from checked
)

select * from final
