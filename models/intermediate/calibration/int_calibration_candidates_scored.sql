{#
    How well each method predicts the measured energy of the calibration
    points, per validation scheme: the paper's method and the datasheet
    method (estimates, no fitting: one 'none' scheme), and each calibration
    candidate held out by GPU and by MLPerf round. Median |log10(measured /
    predicted)| and, for the candidates, the share of measured values inside
    the held-out 95 % prediction interval. The chosen candidate has the
    smallest leave-one-GPU-out median error (ties: first candidate_id): what
    a user predicting an unmeasured GPU needs.
#}
with points as (
    select * from {{ ref('int_measured_results_estimated') }}
    where is_calibration_point
),

held_out as (
    select * from {{ ref('fit_measured_energy_calibration__cv') }}
),

estimates as (
    select
        'paper_method' as method,
        'none' as scheme,
        abs(log10(joules_per_sample / paper_method_joules_per_sample)) as abs_log10_error,
        cast(null as boolean) as is_inside_pred95
    from points
    union all
    select
        'datasheet_method' as method,
        'none' as scheme,
        abs(log10(joules_per_sample / datasheet_joules_per_sample)) as abs_log10_error,
        cast(null as boolean) as is_inside_pred95
    from points
    union all
    select
        'calibrated:' || held_out.candidate_id as method,
        held_out.scheme,
        abs(log10(points.joules_per_sample) - held_out.predicted_log10_joules) as abs_log10_error,
        abs(log10(points.joules_per_sample) - held_out.predicted_log10_joules) <= held_out.pred95_half_width_log10
            as is_inside_pred95
    from held_out
    inner join points on held_out.result_id = points.result_id
),

scored as (
    select
        method,
        scheme,
        count(*) as n_predictions,
        median(abs_log10_error) as median_abs_log10_error,
        avg(cast(is_inside_pred95 as double)) as pred95_coverage
    from estimates
    group by method, scheme
),

chosen as (
    select method
    from scored
    where scheme = 'leave_one_gpu_out' and method like 'calibrated:%'
    order by median_abs_log10_error, method
    limit 1
),

n_points as (
    select count(*) as n_calibration_points from points
),

final as (
    select
        scored.*,
        n_points.n_calibration_points,
        nullif(replace(scored.method, 'calibrated:', ''), scored.method) as candidate_id,
        coalesce(scored.method = chosen.method, false) as is_chosen
    from scored
    left join chosen on scored.method = chosen.method
    cross join n_points
)

select * from final
