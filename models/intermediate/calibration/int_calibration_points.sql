{#
    The points the calibration fits: measured MLPerf results of NVIDIA GPUs
    at MLPerf's full-system boundary with a datasheet estimate, each
    measurement once (int_measured_results_estimated.is_calibration_point),
    on the log10 scale.
#}
with results as (
    select * from {{ ref('int_measured_results_estimated') }}
),

final as (
    select
        result_id,
        gpu_id,
        chip,
        round_label,
        benchmark,
        scenario,
        precision,
        measurement_boundary,
        log10(datasheet_joules_per_sample) as log10_datasheet_joules,
        log10(joules_per_sample) as log10_measured_joules
    from results
    where is_calibration_point
)

select * from final
