{#
    Appendix K: measured energy per inference (K.10, K.11) against the paper's
    printed estimate and ours (GFLOPs / CV-fit GFLOPS/W at the GPU's launch
    date). Two questions kept apart: reproduction, `status`: reproduced (our
    estimate equals the printed one to its printed digits), documented_erratum
    (see fct_paper_errata), mismatch; validity: does the measured value lie
    inside our interval of the fitted mean (mean_ci95) or of one GPU (pred95)?
    Coverage per table: fct_energy_validation_coverage.
#}
with cases as (
    select * from {{ ref('int_energy_measurements_estimated') }}
),

reproduction as (
    select * from {{ ref('int_printed_values_reproduced') }}
    where column_name = 'published_estimate_joules'
),

final as (
    select
        cast(cases.case_id as varchar) as case_id,
        cast(cases.table_ref as varchar) as table_ref,
        cast(cases.architecture as varchar) as architecture,
        cast(cases.cv_model_id as varchar) as cv_model_id,
        cast(cases.gpu_id as varchar) as gpu_id,
        cast(cases.gpu_name as varchar) as gpu_name,
        cast(cases.gpu_launch_date as date) as gpu_launch_date,
        cast(cases.precision as varchar) as precision,
        cast(cases.measured_joules as double) as measured_joules,
        cast(cases.published_estimate_joules as double) as published_estimate_joules,
        cast(cases.estimated_joules as double) as estimated_joules,
        cast(cases.estimated_joules_mean_ci95_low as double) as estimated_joules_mean_ci95_low,
        cast(cases.estimated_joules_mean_ci95_high as double) as estimated_joules_mean_ci95_high,
        cast(cases.estimated_joules_pred95_low as double) as estimated_joules_pred95_low,
        cast(cases.estimated_joules_pred95_high as double) as estimated_joules_pred95_high,
        cast(cases.measured_to_estimated_ratio as double) as measured_to_estimated_ratio,
        cast(cases.is_measured_inside_mean_ci95 as boolean) as is_measured_inside_mean_ci95,
        cast(cases.is_measured_inside_pred95 as boolean) as is_measured_inside_pred95,
        cast(cases.estimated_joules - cases.measured_joules as double) as difference_joules,
        cast((cases.estimated_joules - cases.measured_joules) / cases.measured_joules as double)
            as relative_difference,
        cast(reproduction.status as varchar) as status,
        cast(reproduction.erratum_id as varchar) as erratum_id
    from cases
    left join reproduction
        on cases.table_ref = reproduction.table_ref and cases.estimate_row_key = reproduction.row_key
)

select * from final
