{#
    The measured energies of Tables K.10 and K.11 against our estimate, by
    measured precision and by GPU: how many cases, the geometric mean and the
    range of measured / estimated, and how many fall inside pred95. Eighteen
    cases from six GPUs: a split shows what one pooled share hides (an FP16
    measurement sits well below an estimate the paper makes for any precision).
#}
with cases as (
    select * from {{ ref('int_energy_measurements_estimated') }}
),

grouped as (
    select
        'precision' as split_by,
        precision as group_value,
        measured_to_estimated_ratio,
        is_measured_inside_pred95,
        case_id
    from cases
    union all
    select
        'gpu' as split_by,
        gpu_id as group_value,
        measured_to_estimated_ratio,
        is_measured_inside_pred95,
        case_id
    from cases
),

final as (
    select
        cast(split_by as varchar) as split_by,
        cast(group_value as varchar) as group_value,
        cast(count(*) as integer) as n_measurements,
        {# a fixed order: the sum of logs is then the same on every run #}
        cast(exp(avg(ln(measured_to_estimated_ratio) order by case_id)) as double)
            as geometric_mean_measured_to_estimated,
        cast(min(measured_to_estimated_ratio) as double) as min_measured_to_estimated,
        cast(max(measured_to_estimated_ratio) as double) as max_measured_to_estimated,
        cast(count(*) filter (where is_measured_inside_pred95) as integer) as n_inside_pred95
    from grouped
    group by split_by, group_value
)

select * from final
