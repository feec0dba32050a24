{#
    Table 1 by a documented rule (int_alexnet_flops_peers_selected): per release
    year and extra-data group, the ImageNet model closest to AlexNet's GFLOPs,
    next to the rows of the printed Table 1.
#}
with peers as (
    select * from {{ ref('int_alexnet_flops_peers_selected') }}
),

final as (
    select
        cast(model_id as varchar) as model_id,
        cast(model_name as varchar) as model_name,
        cast(release_year as integer) as release_year,
        cast(top1_accuracy_pct as double) as top1_accuracy_pct,
        cast(gflops as double) as gflops,
        cast(extra_data as varchar) as extra_data,
        cast(gflops_ratio_to_alexnet as double) as gflops_ratio_to_alexnet,
        cast(accuracy_gain_pct_points as double) as accuracy_gain_pct_points,
        cast(is_selected_by_rule as boolean) as is_selected_by_rule,
        cast(is_in_published_table_1 as boolean) as is_in_published_table_1
    from peers
)

select * from final
