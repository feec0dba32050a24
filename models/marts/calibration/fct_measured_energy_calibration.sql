{#
    The parameters of every measured-system candidate fitted on all
    calibration points (one row per candidate x parameter x level), the
    chosen one flagged: what the DuckDB macro estimate_measured_joules reads.
    A candidate whose fit failed keeps one row (parameter fit_failed) with
    the reason.
#}
with parameters as (
    select * from {{ ref('int_measured_system_parameters') }}
),

final as (
    select
        cast(candidate_id as varchar) as candidate_id,
        cast(parameter as varchar) as parameter,
        cast(scenario as varchar) as scenario,
        cast(compute_format as varchar) as compute_format,
        cast(power_mode as varchar) as power_mode,
        cast(estimate as double) as estimate,
        cast(fit_failure as varchar) as fit_failure,
        cast(is_chosen as boolean) as is_chosen
    from parameters
)

select * from final
