{#
    The parameters of every measured-system candidate (fit_measured_system__ml),
    the chosen one flagged (int_calibration_candidates_scored): what the
    predictions, the DuckDB macro estimate_measured_joules and the catalogue
    price with.
#}
with parameters as (
    select * from {{ ref('fit_measured_system__ml') }}
),

chosen_candidate as (
    select candidate_id from {{ ref('int_calibration_candidates_scored') }}
    where is_chosen and scheme = 'leave_one_chip_out'
),

final as (
    select
        parameters.*,
        chosen_candidate.candidate_id is not null as is_chosen
    from parameters
    left join chosen_candidate on parameters.candidate_id = chosen_candidate.candidate_id
)

select * from final
