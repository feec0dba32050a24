{#
    Share of the measured energies of Tables K.10 and K.11 inside our two
    intervals, per table and overall: mean_ci95 (the fitted mean efficiency)
    and pred95 (one GPU). Computed, never typed.
#}
with coverage as (
    select * from {{ ref('int_energy_validation_coverage') }}
),

final as (
    select
        cast(table_ref as varchar) as table_ref,
        cast(n_measurements as integer) as n_measurements,
        cast(n_inside_mean_ci95 as integer) as n_inside_mean_ci95,
        cast(n_inside_pred95 as integer) as n_inside_pred95,
        cast(share_inside_mean_ci95 as double) as share_inside_mean_ci95,
        cast(share_inside_pred95 as double) as share_inside_pred95
    from coverage
)

select * from final
