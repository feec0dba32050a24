{#
    Ad hoc: ImageNet models within a factor 2.5 of AlexNet's inference GFLOPs,
    with their accuracy gain over AlexNet (the idea behind Table 1).
#}
with models as (
    select * from {{ ref('stg_paper__cv_models') }}
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
where models.gflops between alexnet.gflops / 2.5 and alexnet.gflops * 2.5
order by models.release_date
