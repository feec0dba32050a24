{# Every measured LLM serving row with each candidate's estimate (int_llm_measurements_estimated). #}
with estimated as (
    select * from {{ ref('int_llm_measurements_estimated') }}
),

final as (
    select
        cast(llm_measurement_id as varchar) as llm_measurement_id,
        cast(round_label as varchar) as round_label,
        cast(source_family as varchar) as source_family,
        cast(serving_source as varchar) as serving_source,
        cast(measurement_boundary as varchar) as measurement_boundary,
        cast(scenario as varchar) as scenario,
        cast(benchmark as varchar) as benchmark,
        cast(model_name as varchar) as model_name,
        cast(workload_class as varchar) as workload_class,
        cast(gpu_id as varchar) as gpu_id,
        cast(accelerator_label as varchar) as accelerator_label,
        cast(n_accelerators as integer) as n_accelerators,
        cast(precision as varchar) as precision,
        cast(is_precision_stated as boolean) as is_precision_stated,
        cast(total_params_b as double) as total_params_b,
        cast(active_params_b as double) as active_params_b,
        cast(is_active_params_stated as boolean) as is_active_params_stated,
        cast(input_tokens as double) as input_tokens,
        cast(output_tokens as double) as output_tokens,
        cast(batch_size as double) as batch_size,
        cast(tokens_basis as varchar) as tokens_basis,
        cast(tokens_per_second as double) as tokens_per_second,
        cast(measured_watts as double) as measured_watts,
        cast(joules_per_output_token as double) as joules_per_output_token,
        cast(duplicate_of as varchar) as duplicate_of,
        cast(exclusion_reason as varchar) as exclusion_reason,
        cast(paper_formula_joules_per_output_token as double) as paper_formula_joules_per_output_token,
        cast(paper_formula_ratio as double) as paper_formula_ratio,
        cast(flops_calibration_joules_per_output_token as double) as flops_calibration_joules_per_output_token,
        cast(flops_calibration_ratio as double) as flops_calibration_ratio,
        cast(prefill_decode_joules_per_output_token as double) as prefill_decode_joules_per_output_token,
        cast(prefill_decode_ratio as double) as prefill_decode_ratio,
        cast(held_out_chip_joules_per_output_token as double) as held_out_chip_joules_per_output_token,
        cast(held_out_chip_pred95_low_joules_per_output_token as double)
            as held_out_chip_pred95_low_joules_per_output_token,
        cast(held_out_chip_pred95_high_joules_per_output_token as double)
            as held_out_chip_pred95_high_joules_per_output_token,
        cast(source_path as varchar) as source_path
    from estimated
)

select * from final
