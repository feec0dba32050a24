{#
    Table 1 by a documented rule: for each release year and extra-data group,
    the ImageNet model whose GFLOPs are closest to AlexNet's (on a log scale;
    ties broken by accuracy), among models within a factor (var
    alexnet_peer_gflops_factor, 2.5) of AlexNet's GFLOPs. Rows of the printed Table 1 that the rule does not select are kept
    and flagged, so the comparison is visible.
#}
with models as (
    select * from {{ ref('int_models_unioned') }}
    where dataset = 'paper' and domain = 'cv' and gflops is not null and top1_accuracy_pct is not null
),

published as (
    select * from {{ ref('stg_paper__alexnet_flops_peers') }}
),

alexnet as (
    select
        gflops,
        top1_accuracy_pct
    from models
    where model_id = 'alexnet'
),

candidates as (
    select
        models.*,
        models.gflops / alexnet.gflops as gflops_ratio_to_alexnet,
        models.top1_accuracy_pct - alexnet.top1_accuracy_pct as accuracy_gain_pct_points,
        row_number() over (
            partition by models.release_year, models.has_extra_data
            order by abs(ln(models.gflops / alexnet.gflops)), models.top1_accuracy_pct desc
        ) as closeness_rank
    from models
    cross join alexnet
    where
        models.gflops
        between alexnet.gflops / {{ var('alexnet_peer_gflops_factor') }}
        and alexnet.gflops * {{ var('alexnet_peer_gflops_factor') }}
),

selected as (
    select * from candidates
    where closeness_rank = 1
),

final as (
    select
        coalesce(selected.model_id, published.model_id) as model_id,
        coalesce(selected.model_name, models.model_name) as model_name,
        coalesce(selected.release_year, models.release_year) as release_year,
        coalesce(selected.top1_accuracy_pct, models.top1_accuracy_pct) as top1_accuracy_pct,
        coalesce(selected.gflops, models.gflops) as gflops,
        coalesce(selected.extra_data, models.extra_data) as extra_data,
        coalesce(selected.gflops, models.gflops) / alexnet.gflops as gflops_ratio_to_alexnet,
        coalesce(selected.top1_accuracy_pct, models.top1_accuracy_pct) - alexnet.top1_accuracy_pct
            as accuracy_gain_pct_points,
        selected.model_id is not null as is_selected_by_rule,
        published.model_id is not null as is_in_published_table_1
    from selected
    full outer join published on selected.model_id = published.model_id
    left join models on published.model_id = models.model_id
    cross join alexnet
)

select * from final
