{#
    Every measured result with its two estimates (int_measured_results_estimated)
    and the chosen calibration's prediction: fitted on all calibration points
    (int_measured_energy_predicted) and held out by GPU
    (fit_measured_energy_calibration__cv), with whether the measured value
    lies inside the held-out 95 % prediction interval.
#}
with results as (
    select * from {{ ref('int_measured_results_estimated') }}
),

predicted as (
    select * from {{ ref('int_measured_energy_predicted') }}
    where prediction_role = 'measured_result'
),

held_out as (
    select * from {{ ref('fit_measured_energy_calibration__cv') }}
    where scheme = 'leave_one_gpu_out'
),

final as (
    select
        results.*,
        predicted.calibration_candidate_id,
        predicted.predicted_log10_joules,
        predicted.pred95_half_width_log10,
        held_out.predicted_log10_joules as held_out_gpu_predicted_log10_joules,
        abs(log10(results.joules_per_sample) - held_out.predicted_log10_joules) <= held_out.pred95_half_width_log10
            as is_inside_held_out_gpu_pred95
    from results
    left join predicted on results.result_id = predicted.prediction_id
    left join held_out
        on results.result_id = held_out.result_id and predicted.calibration_candidate_id = held_out.candidate_id
)

select * from final
