{# The workload of each MLPerf LLM benchmark (seed extension_llm_benchmark_workloads), typed. #}
with source as (
    select * from {{ ref('extension_llm_benchmark_workloads') }}
),

typed as (
    select
        trim(benchmark) as benchmark,
        trim(model) as model_name,
        {{ typed('total_params_b', 'double') }} as total_params_b,
        {{ typed('active_params_b', 'double') }} as active_params_b,
        {{ typed('mean_input_tokens', 'double') }} as mean_input_tokens,
        trim(input_tokens_basis) as input_tokens_basis,
        {{ typed('mean_output_tokens', 'double') }} as mean_output_tokens,
        trim(output_tokens_basis) as output_tokens_basis,
        {{ typed('server_ttft_ms', 'double') }} as server_ttft_ms,
        {{ typed('server_tpot_ms', 'double') }} as server_tpot_ms,
        {{ typed('interactive_ttft_ms', 'double') }} as interactive_ttft_ms,
        {{ typed('interactive_tpot_ms', 'double') }} as interactive_tpot_ms,
        trim(source) as source_reference
    from source
)

select * from typed
