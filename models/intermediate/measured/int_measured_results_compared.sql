{#
    Every measured result with its two estimates (int_measured_results_estimated)
    and the chosen measured-system model's prediction: fitted on all calibration
    points (int_measured_energy_predicted, with the fitted host share of its
    energy) and held out by chip (fit_measured_energy_calibration__cv: what a
    GPU never measured gets), with whether the measured value lies inside the
    held-out 95 % prediction interval.
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
    where scheme = 'leave_one_chip_out'
),

final as (
    select
        results.*,
        predicted.calibration_candidate_id,
        predicted.predicted_log10_joules,
        predicted.pred95_half_width_log10,
        predicted.host_share,
        held_out.predicted_log10_joules as held_out_chip_predicted_log10_joules,
        abs(log10(results.joules_per_sample) - held_out.predicted_log10_joules) <= held_out.pred95_half_width_log10
            as is_inside_held_out_chip_pred95
    from results
    left join predicted on results.result_id = predicted.prediction_id
    left join held_out
        on results.result_id = held_out.result_id and predicted.calibration_candidate_id = held_out.candidate_id
)

select * from final
