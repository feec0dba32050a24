{#
    How well each method predicts the measured energy of the calibration
    points, per validation scheme: the paper's method and the datasheet
    method (estimates, no fitting: one 'none' scheme), and every candidate
    of seed calibration_candidates held out by chip, GPU and MLPerf round.
    Median |log10(measured / predicted)|, and for the candidates the share of
    measured values inside the held-out 95 % prediction interval and its
    median width (high / low). Chosen: among measured_system candidates whose
    leave-one-chip-out coverage reaches var calibration_pred95_coverage_min,
    the smallest leave-one-chip-out median error (ties: first candidate_id):
    what a user pricing a GPU never measured needs. Baselines are scored,
    never chosen (the warehouse prices with the measured-system formula).
#}
with points as (
    select * from {{ ref('int_measured_results_estimated') }}
    where is_calibration_point
),

held_out as (
    select * from {{ ref('fit_measured_energy_calibration__cv') }}
),

candidates as (
    select * from {{ ref('stg_project__calibration_candidates') }}
),

estimates as (
    select
        'paper_method' as method,
        'none' as scheme,
        abs(log10(joules_per_sample / paper_method_joules_per_sample)) as abs_log10_error,
        cast(null as boolean) as is_inside_pred95,
        cast(null as double) as pred95_width_ratio,
        cast(null as varchar) as fit_failure
    from points
    union all
    select
        'datasheet_method' as method,
        'none' as scheme,
        abs(log10(joules_per_sample / datasheet_joules_per_sample)) as abs_log10_error,
        cast(null as boolean) as is_inside_pred95,
        cast(null as double) as pred95_width_ratio,
        cast(null as varchar) as fit_failure
    from points
    union all
    select
        'calibrated:' || held_out.candidate_id as method,
        held_out.scheme,
        abs(log10(points.joules_per_sample) - held_out.predicted_log10_joules) as abs_log10_error,
        abs(log10(points.joules_per_sample) - held_out.predicted_log10_joules) <= held_out.pred95_half_width_log10
            as is_inside_pred95,
        pow(10, 2 * held_out.pred95_half_width_log10) as pred95_width_ratio,
        held_out.fit_failure
    from held_out
    inner join points on held_out.result_id = points.result_id
),

scored as (
    select
        method,
        scheme,
        count(abs_log10_error) as n_predictions,
        median(abs_log10_error) as median_abs_log10_error,
        {# a point without a prediction (a failed fold) counts as outside its interval #}
        avg(cast(coalesce(is_inside_pred95, false) as double)) filter (where method like 'calibrated:%')
            as pred95_coverage,
        median(pred95_width_ratio) as median_pred95_width_ratio,
        string_agg(distinct fit_failure, '; ' order by fit_failure) as fit_failures
    from estimates
    group by method, scheme
),

with_candidates as (
    select
        scored.*,
        candidates.candidate_id,
        candidates.model_kind
    from scored
    left join candidates on scored.method = 'calibrated:' || candidates.candidate_id
),

chosen as (
    select method
    from with_candidates
    where
        scheme = 'leave_one_chip_out'
        and model_kind = 'measured_system'
        and fit_failures is null
        and pred95_coverage >= {{ var('calibration_pred95_coverage_min') }}
    order by median_abs_log10_error, method
    limit 1
),

n_points as (
    select count(*) as n_calibration_points from points
),

final as (
    select
        with_candidates.*,
        n_points.n_calibration_points,
        cast({{ var('calibration_pred95_coverage_min') }} as double) as chosen_coverage_min,
        coalesce(with_candidates.method = chosen.method, false) as is_chosen
    from with_candidates
    left join chosen on with_candidates.method = chosen.method
    cross join n_points
)

select * from final
