{#
    How close each method comes to the measured energy of the calibration
    points: the paper's method, the datasheet method and every candidate
    (measured-system models and baselines) held out by chip, GPU and MLPerf
    round, with the share of measured values inside the held-out 95 %
    prediction interval and its median width; the chosen candidate flagged.
#}
with scores as (
    select * from {{ ref('int_calibration_candidates_scored') }}
),

final as (
    select
        cast(method as varchar) as method,
        cast(candidate_id as varchar) as candidate_id,
        cast(model_kind as varchar) as model_kind,
        cast(scheme as varchar) as scheme,
        cast(n_predictions as integer) as n_predictions,
        cast(n_calibration_points as integer) as n_calibration_points,
        cast(median_abs_log10_error as double) as median_abs_log10_error,
        cast(pred95_coverage as double) as pred95_coverage,
        cast(median_pred95_width_ratio as double) as median_pred95_width_ratio,
        cast(fit_failures as varchar) as fit_failures,
        cast(chosen_coverage_min as double) as chosen_coverage_min,
        cast(is_chosen as boolean) as is_chosen
    from scores
)

select * from final
