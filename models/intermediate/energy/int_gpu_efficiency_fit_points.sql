{#
    The points of Fig. 8, one row per fit x GPU row: for each domain, every
    theoretical FP32 row (except var efficiency_fit_excluded_fp32_gpu_ids) plus
    that domain's adapted rows. Also the theoretical points of Fig. 7, one fit
    per precision family of Table J.8.
#}
{% set excluded = var('efficiency_fit_excluded_fp32_gpu_ids') %}

with efficiencies as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
),

domains as (
    select unnest(['cv', 'nlp']) as domain
),

adapted_points as (
    select
        'gpu_efficiency_' || domains.domain as trend_id,
        efficiencies.gpu_id,
        efficiencies.precision,
        efficiencies.adapted_for,
        efficiencies.launch_date,
        efficiencies.gflops_per_watt
    from efficiencies
    inner join domains
        on
            efficiencies.adapted_for = domains.domain
            or (
                efficiencies.adapted_for = 'none'
                and efficiencies.precision = 'fp32'
                and efficiencies.gpu_id not in ({{ sql_list(excluded) }})
            )
),

theoretical_points as (
    select
        'gpu_theoretical_' || precision as trend_id,
        gpu_id,
        precision,
        adapted_for,
        launch_date,
        gflops_per_watt
    from efficiencies
    where adapted_for = 'none'
),

final as (
    select * from adapted_points
    union all
    select * from theoretical_points
)

select * from final
