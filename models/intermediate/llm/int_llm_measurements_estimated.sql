{#
    Every measured LLM serving row (fitted or not, with its exclusion reason),
    each candidate's estimate from the fit on all rows and its ratio
    measured / estimated, and the prefill/decode model's leave-one-chip-out
    prediction with its 95 % interval (the honest one for a GPU never seen).
#}
with measured as (
    select * from {{ ref('int_llm_measurements_mapped') }}
),

predictions as (
    select * from {{ ref('fit_llm_serving__cv') }}
),

pivoted as (
    select
        llm_measurement_id,
        pow(10, any_value(predicted_log10_joules) filter (
            where candidate_id = 'paper_formula' and scheme = 'all_rows'
        )) as paper_formula_joules_per_output_token,
        pow(10, any_value(predicted_log10_joules) filter (
            where candidate_id = 'flops_calibration' and scheme = 'all_rows'
        )) as flops_calibration_joules_per_output_token,
        pow(10, any_value(predicted_log10_joules) filter (
            where candidate_id = 'prefill_decode' and scheme = 'all_rows'
        )) as prefill_decode_joules_per_output_token,
        any_value(predicted_log10_joules) filter (
            where candidate_id = 'prefill_decode' and scheme = 'leave_one_chip_out'
        ) as held_out_log10,
        any_value(pred95_half_width_log10) filter (
            where candidate_id = 'prefill_decode' and scheme = 'leave_one_chip_out'
        ) as held_out_half_width_log10
    from predictions
    group by llm_measurement_id
),

final as (
    select
        measured.llm_measurement_id,
        measured.round_label,
        measured.source_family,
        measured.serving_source,
        measured.measurement_boundary,
        measured.scenario,
        measured.benchmark,
        measured.model_name,
        measured.workload_class,
        measured.gpu_id,
        measured.accelerator_label,
        measured.n_accelerators,
        measured.precision,
        measured.is_precision_stated,
        measured.total_params_b,
        measured.active_params_b,
        measured.is_active_params_stated,
        measured.input_tokens,
        measured.output_tokens,
        measured.batch_size,
        measured.tokens_basis,
        measured.tokens_per_second,
        measured.measured_watts,
        measured.joules_per_output_token,
        measured.duplicate_of,
        measured.exclusion_reason,
        pivoted.paper_formula_joules_per_output_token,
        pivoted.flops_calibration_joules_per_output_token,
        pivoted.prefill_decode_joules_per_output_token,
        measured.source_path,
        measured.joules_per_output_token / pivoted.paper_formula_joules_per_output_token as paper_formula_ratio,
        measured.joules_per_output_token / pivoted.flops_calibration_joules_per_output_token
            as flops_calibration_ratio,
        measured.joules_per_output_token / pivoted.prefill_decode_joules_per_output_token as prefill_decode_ratio,
        pow(10, pivoted.held_out_log10) as held_out_chip_joules_per_output_token,
        pow(10, pivoted.held_out_log10 - pivoted.held_out_half_width_log10)
            as held_out_chip_pred95_low_joules_per_output_token,
        pow(10, pivoted.held_out_log10 + pivoted.held_out_half_width_log10)
            as held_out_chip_pred95_high_joules_per_output_token
    from measured
    left join pivoted on measured.llm_measurement_id = pivoted.llm_measurement_id
)

select * from final
