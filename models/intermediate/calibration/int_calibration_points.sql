{#
    The points the models of measured energy fit: measured MLPerf results of
    NVIDIA GPUs at MLPerf's full-system boundary with a datasheet estimate,
    each measurement once (int_measured_results_estimated.is_calibration_point):
    the system (accelerators, power mode, the GPU's TDP and peak at the compute
    format), what was measured (wall watts, samples/s) and both on the log10
    scale the baselines fit.
#}
with results as (
    select * from {{ ref('int_measured_results_estimated') }}
),

final as (
    select
        result_id,
        gpu_id,
        chip,
        system_name,
        round_label,
        benchmark,
        scenario,
        compute_format,
        power_mode,
        n_accelerators,
        datasheet_tdp_watts as tdp_watts,
        datasheet_peak_tflops as peak_tflops,
        gflops_per_sample,
        avg_system_watts,
        samples_per_second,
        measurement_boundary,
        log10(datasheet_joules_per_sample) as log10_datasheet_joules,
        log10(joules_per_sample) as log10_measured_joules
    from results
    where is_calibration_point
)

select * from final
