{#
    Ad hoc: which 2021 ImageNet models are more accurate than AlexNet while
    using no more energy per inference than AlexNet did in 2012?
#}
with energies as (
    select * from {{ ref('fct_inference_energy') }}
    where domain = 'cv'
),

alexnet as (
    select
        top1_accuracy_pct,
        joules_per_inference
    from energies
    where model_id = 'alexnet'
)

select
    energies.model_name,
    energies.release_date,
    energies.top1_accuracy_pct,
    energies.joules_per_inference,
    energies.top1_accuracy_pct - alexnet.top1_accuracy_pct as accuracy_gain_pct_points,
    energies.joules_per_inference / alexnet.joules_per_inference as energy_ratio_to_alexnet
from energies
cross join alexnet
where
    energies.release_year = 2021
    and energies.top1_accuracy_pct > alexnet.top1_accuracy_pct
    and energies.joules_per_inference <= alexnet.joules_per_inference
order by energies.top1_accuracy_pct desc
