{#
    The chosen calibration (int_calibration_candidates_scored.is_chosen)
    applied to every prediction row by macro calibration_log10_prediction
    (the formula persisted as estimate_measured_joules too): log10 prediction
    = offset + sum of coefficient x term value, with the 95 % prediction
    interval of one new result, t x s x sqrt(1 + v' (X'X)^-1 v).
#}
with rows_to_predict as (
    select * from {{ ref('int_measured_energy_prediction_rows') }}
),

calibration as (
    select * from {{ ref('int_calibration_terms') }}
),

candidate as (
    select distinct
        candidate_id,
        residual_std_error
    from calibration
    where is_chosen
),

predicted as (
    select
        rows_to_predict.*,
        {{ calibration_log10_prediction(
            'rows_to_predict.log10_datasheet_joules', 'rows_to_predict.scenario',
            'rows_to_predict.precision', 'calibration'
        ) }} as prediction
    from rows_to_predict
),

final as (
    select
        predicted.* exclude (prediction),  -- noqa: RF02, RF03
        candidate.candidate_id as calibration_candidate_id,
        candidate.residual_std_error,
        predicted.prediction['centre'] as predicted_log10_joules,
        predicted.prediction['half_width'] as pred95_half_width_log10
    from predicted
    cross join candidate
)

select * from final
