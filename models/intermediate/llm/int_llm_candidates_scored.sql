{#
    Every LLM serving candidate scored per cross-validation scheme on every
    fitted row: median |log10(measured / predicted)|, the share of rows inside
    their 95 % prediction interval, the median width of that interval (high /
    low) and the folds that could not be fitted; the same on the MLPerf (wall)
    rows alone. The chosen candidate: by leave-one-chip-out, among those whose
    coverage reaches var llm_pred95_coverage_min, the smallest median error
    (the paper's formula has no interval and is never chosen).
#}
with predictions as (
    select * from {{ ref('fit_llm_serving__cv') }}
),

measured as (
    select
        llm_measurement_id,
        serving_source,
        joules_per_output_token
    from {{ ref('int_llm_measurements_mapped') }}
    where exclusion_reason is null
),

errors as (
    select
        predictions.candidate_id,
        predictions.scheme,
        measured.serving_source,
        predictions.fit_failure,
        predictions.pred95_half_width_log10,
        abs(log10(measured.joules_per_output_token) - predictions.predicted_log10_joules) as abs_log10_error,
        abs(log10(measured.joules_per_output_token) - predictions.predicted_log10_joules)
        <= predictions.pred95_half_width_log10 as is_inside_pred95
    from predictions
    inner join measured on predictions.llm_measurement_id = measured.llm_measurement_id
),

scored as (
    select
        candidate_id,
        scheme,
        count(*) as n_rows,
        median(abs_log10_error) as median_abs_log10_error,
        avg(is_inside_pred95::integer) as pred95_coverage,
        median(pow(10, 2 * pred95_half_width_log10)) as median_pred95_width_ratio,
        count(*) filter (where fit_failure is not null) as n_rows_fit_failed,
        median(abs_log10_error) filter (where serving_source = 'mlperf') as mlperf_median_abs_log10_error,
        avg(is_inside_pred95::integer) filter (where serving_source = 'mlperf') as mlperf_pred95_coverage
    from errors
    group by candidate_id, scheme
),

eligible as (
    select
        candidate_id,
        row_number() over (order by median_abs_log10_error, candidate_id) as error_rank
    from scored
    where scheme = 'leave_one_chip_out' and pred95_coverage >= {{ var('llm_pred95_coverage_min') }}
),

final as (
    select
        scored.*,
        coalesce(eligible.error_rank = 1, false) as is_chosen,
        {{ var('llm_pred95_coverage_min') }} as chosen_coverage_min
    from scored
    left join eligible on scored.candidate_id = eligible.candidate_id
)

select * from final
