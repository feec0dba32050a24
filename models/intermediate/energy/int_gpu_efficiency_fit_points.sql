{#
    The points of Fig. 8, one row per fit x GPU row: for each domain, every
    theoretical FP32 row (except var efficiency_fit_excluded_fp32_gpu_ids) plus
    that domain's adapted rows. Also the theoretical points of Fig. 7, one fit
    per precision family of Table J.8. The trend_id is read from seed
    trend_definitions by the structured key (macro trend_key_matches).
#}
{% set excluded = var('efficiency_fit_excluded_fp32_gpu_ids') %}

with efficiencies as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

domains as (
    select unnest(['cv', 'nlp']) as domain
),

adapted_points as (
    select
        'gpu_efficiency' as quantity,
        domains.domain,
        cast(null as varchar) as number_format,
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
        'gpu_theoretical' as quantity,
        cast(null as varchar) as domain,
        precision as number_format,
        gpu_id,
        precision,
        adapted_for,
        launch_date,
        gflops_per_watt
    from efficiencies
    where adapted_for = 'none'
),

points as (
    select * from adapted_points
    union all
    select * from theoretical_points
),

keyed as (
    select
        *,
        cast(null as varchar) as subset,
        'paper' as dataset
    from points
),

final as (
    select
        definitions.trend_id,
        keyed.gpu_id,
        keyed.precision,
        keyed.adapted_for,
        keyed.launch_date,
        keyed.gflops_per_watt,
        keyed.quantity,
        keyed.domain,
        keyed.number_format,
        keyed.dataset
    from keyed
    left join definitions on {{ trend_key_matches('keyed', 'definitions') }}
)

select * from final
