{#
    Measured LLM serving energy (MLPerf power results at the wall, ML.ENERGY
    GPU-only rows), typed. Labels stay as printed here; their canonical forms
    are joined from seed llm_vocabulary in int_llm_measurements_mapped.
#}
with source as (
    select * from {{ ref('extension_llm_measured_energy') }}
),

typed as (
    select
        trim(llm_measurement_id) as llm_measurement_id,
        trim(round) as round_label,
        nullif(trim(public_id), '') as public_id,
        trim(submitter) as submitter,
        trim(system) as system_name,
        trim(accelerator) as accelerator_label,
        trim(accelerator_id) as accelerator_id,
        {{ typed('n_accelerators', 'integer') }} as n_accelerators,
        trim(benchmark) as benchmark_label,
        trim(scenario) as scenario_label,
        nullif(trim(precision), '') as precision_label,
        {{ typed('tokens_per_second', 'double') }} as tokens_per_second,
        {{ typed('samples_per_second', 'double') }} as samples_per_second,
        {{ typed('avg_system_watts', 'double') }} as avg_system_watts,
        {{ typed('avg_gpu_watts', 'double') }} as avg_gpu_watts,
        {{ typed('joules_per_token', 'double') }} as joules_per_token,
        {{ typed('joules_per_sample', 'double') }} as joules_per_sample,
        trim(measurement_boundary) as boundary_label,
        trim(source) as source_path,
        nullif(trim(verification), '') as verification,
        nullif(trim(note), '') as note,
        nullif(trim(confidence), '') as confidence,
        trim(source_family) as source_family,
        trim(workload_class) as workload_class,
        trim(model) as model_name,
        {{ typed('model_params_total_b', 'double') }} as total_params_b,
        {{ typed('model_params_active_b', 'double') }} as active_params_b,
        nullif(trim(task_dataset), '') as task_dataset,
        nullif(trim(category), '') as category,
        nullif(trim(tokens_basis), '') as tokens_basis_label,
        {{ typed('output_tokens_per_sample', 'double') }} as output_tokens_per_sample,
        nullif(trim(max_batch_size), '') as max_batch_size_label,
        {{ typed('avg_batch_size', 'double') }} as avg_batch_size,
        nullif(trim(parallelism), '') as parallelism,
        nullif(trim(latency_constraint), '') as latency_constraint,
        nullif(trim(power_mode), '') as power_mode_label,
        nullif(trim(software), '') as software,
        nullif(trim(duplicate_of), '') as duplicate_of
    from source
)

select * from typed
