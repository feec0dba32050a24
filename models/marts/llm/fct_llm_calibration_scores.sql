{# Every LLM serving candidate's cross-validated scores (int_llm_candidates_scored). #}
with scored as (
    select * from {{ ref('int_llm_candidates_scored') }}
),

final as (
    select
        cast(candidate_id as varchar) as candidate_id,
        cast(scheme as varchar) as scheme,
        cast(n_rows as bigint) as n_rows,
        cast(median_abs_log10_error as double) as median_abs_log10_error,
        cast(pred95_coverage as double) as pred95_coverage,
        cast(median_pred95_width_ratio as double) as median_pred95_width_ratio,
        cast(n_rows_fit_failed as bigint) as n_rows_fit_failed,
        cast(mlperf_median_abs_log10_error as double) as mlperf_median_abs_log10_error,
        cast(mlperf_pred95_coverage as double) as mlperf_pred95_coverage,
        cast(is_chosen as boolean) as is_chosen,
        cast(chosen_coverage_min as double) as chosen_coverage_min
    from scored
)

select * from final
