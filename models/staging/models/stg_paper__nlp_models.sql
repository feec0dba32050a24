{# Table I.7, typed. GFLOPs are per input of input_tokens tokens, multiply-add = 2 FLOPs. #}
with source as (
    select * from {{ ref('nlp_models') }}
),

typed as (
    select
        model_id,
        trim(model_name) as model_name,
        'nlp' as domain,
        nullif(trim(model_ref), '') as model_ref,
        {{ typed('input_tokens', 'integer') }} as input_tokens,
        {{ typed('gflops', 'double') }} as gflops_reported,
        lower(trim(gflops_convention)) as gflops_convention,
        {{ gflops_from_reported(typed('gflops', 'double'), 'gflops_convention') }} as gflops,
        nullif(trim(gflops_ref), '') as gflops_ref,
        coalesce(gflops_marker = 'authors_estimate', false) as is_gflops_estimated,
        {{ typed('params_millions', 'double') }} as params_millions,
        coalesce(params_marker = 'authors_estimate', false) as is_params_estimated,
        {{ iso_date('release_date') }} as release_date,
        {{ typed('glue_score', 'double') }} as glue_score,
        nullif(trim(glue_score_ref), '') as glue_score_ref,
        nullif(trim(glue_score_set), '') as glue_score_set,
        glue_score_set = 'dev' as is_glue_dev_set,
        {{ text_boolean('is_glue_without_wnli') }} as is_glue_without_wnli,
        trim(architecture) as architecture,
        transcription_status,
        nullif(trim(transcription_note), '') as transcription_note
    from source
)

select * from typed
