{#
    Every measured result (MLPerf Inference power, and a few other measured
    sources with their own boundary) next to three estimates of its Joules per
    sample: the paper's method, the datasheet method and the measured-system
    model (fitted on all calibration points, and held out by chip), each with
    the ratio measured / estimate; each result decomposed by the model: the
    host's and the accelerators' shares of its energy, the share of the peak
    it implies, and its residual.
#}
with results as (
    select * from {{ ref('int_measured_results_compared') }}
),

final as (
    select
        cast(results.result_id as varchar) as result_id,
        cast(results.round_label as varchar) as round_label,
        cast(results.is_mlperf as boolean) as is_mlperf,
        cast(results.category as varchar) as category,
        cast(results.submitter as varchar) as submitter,
        cast(results.system_name as varchar) as system_name,
        cast(results.accelerator_label as varchar) as accelerator_label,
        cast(results.vendor as varchar) as vendor,
        cast(results.accelerator_kind as varchar) as accelerator_kind,
        cast(results.gpu_id as varchar) as gpu_id,
        cast(results.gpu_name as varchar) as gpu_name,
        cast(results.chip as varchar) as chip,
        cast(results.n_accelerators as integer) as n_accelerators,
        cast(results.benchmark as varchar) as benchmark,
        cast(results.accuracy_target as varchar) as accuracy_target,
        cast(results.scenario as varchar) as scenario,
        cast(results.precision as varchar) as precision,
        cast(results.compute_format as varchar) as compute_format,
        cast(results.power_mode as varchar) as power_mode,
        cast(results.measurement_boundary as varchar) as measurement_boundary,
        cast(results.samples_per_second as double) as samples_per_second,
        cast(results.avg_system_watts as double) as avg_system_watts,
        cast(results.joules_per_sample as double) as measured_joules_per_sample,
        cast(results.gflops_per_sample as double) as gflops_per_sample,
        cast(results.paper_method_joules_per_sample as double) as paper_method_joules_per_sample,
        cast(results.joules_per_sample / results.paper_method_joules_per_sample as double)
            as measured_to_paper_method_ratio,
        cast(results.datasheet_gflops_per_watt as double) as datasheet_gflops_per_watt,
        cast(results.datasheet_joules_per_sample as double) as datasheet_joules_per_sample,
        cast(results.joules_per_sample / results.datasheet_joules_per_sample as double)
            as measured_to_datasheet_ratio,
        cast(results.calibration_candidate_id as varchar) as calibration_candidate_id,
        cast(pow(10, results.predicted_log10_joules) as double) as calibrated_joules_per_sample,
        cast(pow(10, results.predicted_log10_joules - results.pred95_half_width_log10) as double)
            as calibrated_pred95_low_joules_per_sample,
        cast(pow(10, results.predicted_log10_joules + results.pred95_half_width_log10) as double)
            as calibrated_pred95_high_joules_per_sample,
        cast(results.joules_per_sample / pow(10, results.predicted_log10_joules) as double)
            as measured_to_calibrated_ratio,
        cast(results.host_share as double) as host_share_of_energy,
        cast(1 - results.host_share as double) as accelerator_share_of_energy,
        cast(log10(results.joules_per_sample) - results.predicted_log10_joules as double) as residual_log10,
        cast(pow(10, results.held_out_chip_predicted_log10_joules) as double) as held_out_chip_joules_per_sample,
        cast(results.is_inside_held_out_chip_pred95 as boolean) as is_inside_held_out_chip_pred95,
        cast(results.implied_peak_utilisation as double) as implied_peak_utilisation,
        cast(results.is_calibration_point as boolean) as is_calibration_point,
        cast(results.calibration_exclusion_reason as varchar) as calibration_exclusion_reason,
        cast(results.is_repeated_measurement as boolean) as is_repeated_measurement,
        cast(results.source_path as varchar) as source_path
    from results
)

select * from final
