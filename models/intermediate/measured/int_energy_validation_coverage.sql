{#
    How often the measured energies of Appendix K fall inside our intervals,
    per table (K.10, K.11) and overall: the interval of the fitted mean
    efficiency (mean_ci95) is not meant to hold one GPU, the prediction
    interval (pred95) is.
#}
with cases as (
    select * from {{ ref('int_energy_measurements_estimated') }}
),

per_table as (
    select
        table_ref,
        count(*) as n_measurements,
        count(*) filter (where is_measured_inside_mean_ci95) as n_inside_mean_ci95,
        count(*) filter (where is_measured_inside_pred95) as n_inside_pred95
    from cases
    group by table_ref
    union all
    select
        'K.10 and K.11' as table_ref,
        count(*) as n_measurements,
        count(*) filter (where is_measured_inside_mean_ci95) as n_inside_mean_ci95,
        count(*) filter (where is_measured_inside_pred95) as n_inside_pred95
    from cases
),

final as (
    select
        *,
        n_inside_mean_ci95 / n_measurements as share_inside_mean_ci95,
        n_inside_pred95 / n_measurements as share_inside_pred95
    from per_table
)

select * from final
