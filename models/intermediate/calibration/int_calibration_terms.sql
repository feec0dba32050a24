{#
    The coefficients and unscaled covariance of every calibration candidate
    (fit_measured_energy_calibration__ols), with the chosen one flagged (the
    smallest leave-one-GPU-out error, int_calibration_candidates_scored).
#}
with terms as (
    select * from {{ ref('fit_measured_energy_calibration__ols') }}
),

chosen_candidate as (
    select candidate_id from {{ ref('int_calibration_candidates_scored') }}
    where is_chosen and scheme = 'leave_one_gpu_out'
),

final as (
    select
        terms.*,
        chosen_candidate.candidate_id is not null as is_chosen
    from terms
    left join chosen_candidate on terms.candidate_id = chosen_candidate.candidate_id
)

select * from final
