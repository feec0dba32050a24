{#
    Fig. 1: correlation between parameters and GFLOPs of the ImageNet models
    per architecture family, three ways (int_params_flops_correlations), next
    to the paper's printed Pearson coefficients.
#}
with correlations as (
    select * from {{ ref('int_params_flops_correlations') }}
),

final as (
    select
        cast(architecture as varchar) as architecture,
        cast(method as varchar) as method,
        cast(n_models as integer) as n_models,
        cast(correlation_coefficient as double) as correlation_coefficient,
        cast(published_correlation as double) as published_correlation,
        cast(difference_from_published as double) as difference_from_published
    from correlations
)

select * from final
