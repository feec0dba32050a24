{#
    ImageNet classifiers of 2021-2025, typed in the shape of stg_paper__cv_models.
    GFLOPs arrive already in the paper's convention (multiply-add = 2 FLOPs;
    gflops_basis says how each was converted).
#}
with source as (
    select * from {{ ref('extension_cv_models') }}
),

typed as (
    select
        trim(model_id) as model_id,
        trim(model) as model_name,
        'cv' as domain,
        {{ typed('top1_accuracy', 'double') }} as top1_accuracy_pct,
        {{ typed('params_millions', 'double') }} as params_millions,
        {{ typed('gflops', 'double') }} as gflops,
        {{ typed('resolution_px', 'integer') }} as resolution_px,
        trim(extra_data) as extra_data,
        lower(trim(extra_data)) <> 'no' as has_extra_data,
        {{ iso_date('release_date') }} as release_date,
        trim(architecture) as architecture,
        trim(gflops_basis) as gflops_basis,
        trim(gflops_basis) = 'estimate_formula' as is_gflops_estimated,
        nullif(trim(accuracy_basis), '') as accuracy_basis,
        trim(eval_protocol) as eval_protocol,
        {# frozen-probe accuracies are not the paper's fine-tuned single-crop top-1 #}
        trim(eval_protocol) = 'fine-tune' as is_accuracy_comparable,
        trim(confidence) as confidence,
        trim(source_url) as source_url,
        nullif(trim(note), '') as note
    from source
)

select * from typed
