{# Table B.2, typed. GFLOPs are normalised to the paper's convention (multiply-add = 2 FLOPs). #}
with source as (
    select * from {{ ref('cv_models') }}
),

typed as (
    select
        model_id,
        trim(model_name) as model_name,
        'cv' as domain,
        nullif(trim(model_ref), '') as model_ref,
        {{ typed('top1_accuracy_pct', 'double') }} as top1_accuracy_pct,
        nullif(trim(top1_accuracy_ref), '') as top1_accuracy_ref,
        {{ typed('params_millions', 'double') }} as params_millions,
        nullif(trim(params_ref), '') as params_ref,
        coalesce(params_marker = 'tool_measured', false) as is_params_tool_measured,
        coalesce(params_marker = 'authors_estimate', false) as is_params_estimated,
        {{ typed('gflops', 'double') }} as gflops_reported,
        lower(trim(gflops_convention)) as gflops_convention,
        {{ gflops_from_reported(typed('gflops', 'double'), 'gflops_convention') }} as gflops,
        nullif(trim(gflops_ref), '') as gflops_ref,
        coalesce(gflops_marker = 'tool_measured', false) as is_gflops_tool_measured,
        coalesce(gflops_marker = 'authors_estimate', false) as is_gflops_estimated,
        nullif(trim(extra_data), '') as extra_data,
        lower(trim(extra_data)) <> 'no' as has_extra_data,
        {{ iso_date('release_date') }} as release_date,
        trim(architecture) as architecture,
        transcription_status,
        nullif(trim(transcription_note), '') as transcription_note
    from source
)

select * from typed
