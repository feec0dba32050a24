{#
    The chosen calibration (int_calibration_candidates_scored.is_chosen)
    applied to every prediction row: log10 prediction = offset + sum of
    coefficient x term value (macro calibration_term_value), with the 95 %
    prediction interval of one new result, t x s x sqrt(1 + v' (X'X)^-1 v),
    from the fit's unscaled covariance.
#}
{# read by several marts and tests: computed once, not re-evaluated as a view #}
{{ config(materialized='table') }}

with rows_to_predict as (
    select * from {{ ref('int_measured_energy_prediction_rows') }}
),

chosen_terms as (
    select * from {{ ref('int_calibration_terms') }}
    where is_chosen
),

valued as (
    select
        rows_to_predict.prediction_id,
        chosen_terms.term_i,
        chosen_terms.term_j,
        chosen_terms.estimate,
        chosen_terms.unscaled_covariance,
        {{ calibration_term_value(
            'chosen_terms.term_i', 'rows_to_predict.log10_datasheet_joules',
            'rows_to_predict.scenario', 'rows_to_predict.precision'
        ) }} as value_i,
        {{ calibration_term_value(
            'chosen_terms.term_j', 'rows_to_predict.log10_datasheet_joules',
            'rows_to_predict.scenario', 'rows_to_predict.precision'
        ) }} as value_j
    from rows_to_predict
    cross join chosen_terms
),

per_row as (
    select
        prediction_id,
        sum(estimate * value_i) filter (where term_i = term_j) as linear_part,
        sum(unscaled_covariance * value_i * value_j) as leverage
    from valued
    group by prediction_id
),

candidate as (
    select distinct
        candidate_id,
        uses_offset,
        residual_std_error,
        t_critical
    from chosen_terms
),

final as (
    select
        rows_to_predict.*,
        candidate.candidate_id as calibration_candidate_id,
        candidate.residual_std_error,
        (case when candidate.uses_offset then rows_to_predict.log10_datasheet_joules else 0 end) + per_row.linear_part
            as predicted_log10_joules,
        candidate.t_critical * candidate.residual_std_error * sqrt(1 + per_row.leverage) as pred95_half_width_log10
    from rows_to_predict
    inner join per_row on rows_to_predict.prediction_id = per_row.prediction_id
    cross join candidate
)

select * from final
