{#
    Issue 25's claim, held by every build: exactly one LLM serving candidate is
    chosen, and held out by chip its median error is below the paper's
    formula's and the FLOPs-only calibration's. Returns the baseline that is as
    good or better, or one row when the number chosen is not one.
#}
with scores as (
    select * from {{ ref('fct_llm_calibration_scores') }}
    where scheme = 'leave_one_chip_out'
),

chosen as (
    select
        candidate_id,
        median_abs_log10_error
    from scores
    where is_chosen
),

beaten as (
    select
        scores.candidate_id as baseline,
        scores.median_abs_log10_error as baseline_error,
        chosen.candidate_id as chosen_candidate,
        chosen.median_abs_log10_error as chosen_error
    from scores
    cross join chosen
    where
        scores.candidate_id in ('paper_formula', 'flops_calibration')
        and scores.median_abs_log10_error <= chosen.median_abs_log10_error
),

final as (
    select * from beaten
    union all
    select
        'candidates chosen: ' || (select count(*) from chosen) as baseline,
        null as baseline_error,
        null as chosen_candidate,
        null as chosen_error
    where (select count(*) from chosen) <> 1
)

select * from final
