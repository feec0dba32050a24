{#
    Measured inference energy (MLPerf Inference power results and a few other
    measured sources), typed. Labels stay as printed here; their canonical
    forms (benchmark, scenario, boundary, precision, GPU) are joined from the
    vocabulary seeds in int_measured_results_mapped.
#}
with source as (
    select * from {{ ref('extension_measured_inference_energy') }}
),

typed as (
    select
        trim(result_id) as result_id,
        trim(benchmark) as benchmark_label,
        nullif(trim(accuracy_target), '') as accuracy_target,
        trim(scenario) as scenario_label,
        trim(system) as system_name,
        trim(accelerator) as accelerator_label,
        {{ typed('n_accelerators', 'integer') }} as n_accelerators,
        nullif(trim(precision), '') as precision_label,
        nullif(trim(precision_source), '') as precision_source,
        {{ typed('samples_per_second', 'double') }} as samples_per_second,
        {{ printed_decimals('samples_per_second') }} as samples_per_second_decimals,
        {{ typed('avg_system_watts', 'double') }} as avg_system_watts,
        {{ printed_decimals('avg_system_watts') }} as avg_system_watts_decimals,
        {{ typed('joules_per_sample', 'double') }} as joules_per_sample,
        {{ printed_decimals('joules_per_sample') }} as joules_per_sample_decimals,
        trim(round) as round_label,
        regexp_matches(trim(round), '^v\d+\.\d+$') as is_mlperf,
        nullif(trim(category), '') as category,
        nullif(trim(division), '') as division,
        nullif(trim(submitter), '') as submitter,
        nullif(trim(public_id), '') as public_id,
        trim(measurement_boundary) as boundary_label,
        nullif(trim(batch_size), '') as batch_size,
        trim(source) as source_path,
        nullif(trim(verification), '') as verification,
        nullif(trim(note), '') as note
    from source
)

select * from typed
