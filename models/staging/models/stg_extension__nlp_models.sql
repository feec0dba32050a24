{#
    NLP models beyond Table I.7, typed: GLUE encoders (GFLOPs per 128-token
    input, as I.7) and decoder LLMs (GFLOPs per generated token from the
    active parameters). `model_kind` says which.
#}
with source as (
    select * from {{ ref('extension_nlp_models') }}
),

typed as (
    select
        trim(model_id) as model_id,
        trim(model) as model_name,
        case trim(part)
            when 'a_glue_encoder' then 'glue_encoder'
            when 'b_decoder_llm' then 'decoder_llm'
        end as model_kind,
        {{ typed('params_billions', 'double') }} as params_billions,
        {{ typed('active_params_billions', 'double') }} as active_params_billions,
        {{ typed('gflops_per_token', 'double') }} as gflops_per_token,
        {{ typed('input_tokens', 'integer') }} as input_tokens,
        {{ typed('gflops_per_sequence', 'double') }} as gflops_per_sequence,
        {{ typed('attn_gflops_per_token_ctx2048', 'double') }} as attention_gflops_per_token_at_2048_context,
        nullif(trim(benchmark), '') as benchmark,
        {{ typed('score', 'double') }} as score,
        {{ iso_date('release_date') }} as release_date,
        trim(confidence) as confidence,
        trim(source_url) as source_url,
        nullif(trim(note), '') as note
    from source
),

final as (
    select
        *,
        params_billions * 1000.0 as params_millions,
        active_params_billions < params_billions as is_mixture_of_experts
    from typed
)

select * from final
