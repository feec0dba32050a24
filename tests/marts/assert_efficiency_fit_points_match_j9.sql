{#
    The points of each domain's efficiency fit (Fig. 8) are exactly the rows of
    Table J.9 for that domain (the unadapted rows plus the domain's adapted
    rows), so var efficiency_fit_excluded_fp32_gpu_ids reproduces the paper.
#}
{% set failures %}
    with fit_points as (
        select
            trend_id,
            gpu_id,
            precision,
            adapted_for
        from {{ ref('int_gpu_efficiency_fit_points') }}
        where trend_id in ('gpu_efficiency_cv', 'gpu_efficiency_nlp')
    ),

    j9_points as (
        select
            domains.trend_id,
            j9.gpu_id,
            j9.precision,
            j9.adapted_for
        from {{ ref('stg_paper__gpu_adapted_specs') }} as j9
        inner join (values ('gpu_efficiency_cv', 'cv'), ('gpu_efficiency_nlp', 'nlp'))
            as domains (trend_id, adapted_for)
            on j9.adapted_for in ('none', domains.adapted_for)
    ),

    only_ours as (
        select * from fit_points
        except
        select * from j9_points
    ),

    only_j9 as (
        select * from j9_points
        except
        select * from fit_points
    )

    select trend_id || ': ' || gpu_id || ' / ' || precision || ' / ' || adapted_for || ' is fitted but not in J.9'
        as failure_message
    from only_ours
    union all
    select trend_id || ': ' || gpu_id || ' / ' || precision || ' / ' || adapted_for || ' is in J.9 but not fitted'
        as failure_message
    from only_j9
{% endset %}
{{ failing_rows('efficiency fit points are the rows of Table J.9',
    failures
) }}
