{#
    Exactly one measured-system candidate is chosen (best leave-one-chip-out
    error among those covering >= var calibration_pred95_coverage_min of a new
    chip's results). None qualifying fails the build with the scores, rather
    than pricing with a model whose intervals do not hold.
#}
{% set failures %}
with scores as (
    select * from {{ ref('fct_calibration_scores') }}
    where scheme = 'leave_one_chip_out' and model_kind = 'measured_system'
),

chosen as (
    select count(*) filter (where is_chosen) as n_chosen from scores
),

final as (
    select
        'exactly one measured-system candidate must be chosen, got ' || chosen.n_chosen
        || ' (leave-one-chip-out coverage must reach {{ var("calibration_pred95_coverage_min") }}): candidate '
        || scores.candidate_id || ' covers ' || round(scores.pred95_coverage, 3) || ', median error '
        || round(scores.median_abs_log10_error, 3) || coalesce(', fit failures: ' || scores.fit_failures, '')
        as failure_message
    from scores
    cross join chosen
    where chosen.n_chosen <> 1
)

select * from final
{% endset %}
{{ failing_rows('exactly one measured-system model is chosen', failures) }}
