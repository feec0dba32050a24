{#
    The chosen measured-system model (int_measured_system_parameters.is_chosen)
    applied to every prediction row by macro measured_system_prediction (the
    formula persisted as estimate_measured_joules too): log10 J/sample, the
    half width of the 95 % prediction interval of one new result, and the
    fitted host and accelerator shares of the energy.
#}
with rows_to_predict as (
    select * from {{ ref('int_measured_energy_prediction_rows') }}
),

parameters as (
    select * from {{ ref('int_measured_system_parameters') }}
),

candidate as (
    select distinct candidate_id from parameters
    where is_chosen
),

predicted as (
    select
        rows_to_predict.*,
        {{ measured_system_prediction(
            'rows_to_predict.gflops_per_sample', 'rows_to_predict.n_accelerators',
            'rows_to_predict.tdp_watts', 'rows_to_predict.peak_tflops', 'rows_to_predict.scenario',
            'rows_to_predict.compute_format', 'rows_to_predict.power_mode', 'parameters'
        ) }} as prediction
    from rows_to_predict
),

final as (
    select
        predicted.* exclude (prediction),  -- noqa: RF02, RF03
        candidate.candidate_id as calibration_candidate_id,
        predicted.prediction['centre'] as predicted_log10_joules,
        predicted.prediction['half_width'] as pred95_half_width_log10,
        predicted.prediction['host_share'] as host_share
    from predicted
    cross join candidate
)

select * from final
