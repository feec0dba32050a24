{#
    Ad hoc: ImageNet models within var alexnet_peer_gflops_factor (2.5) of
    AlexNet's inference GFLOPs, with their accuracy gain over AlexNet (the idea
    behind Table 1; fct_alexnet_flops_peers applies the rule).
#}
with models as (
    select * from {{ ref('fct_inference_energy') }}
    where domain = 'cv'
),

alexnet as (
    select
        gflops,
        top1_accuracy_pct
    from models
    where model_id = 'alexnet'
)

select
    models.model_name,
    models.release_date,
    models.gflops,
    models.top1_accuracy_pct,
    models.extra_data,
    models.top1_accuracy_pct - alexnet.top1_accuracy_pct as accuracy_gain_pct_points
from models
cross join alexnet
where
    models.gflops
    between alexnet.gflops / {{ var('alexnet_peer_gflops_factor') }}
    and alexnet.gflops * {{ var('alexnet_peer_gflops_factor') }}
order by models.release_date
