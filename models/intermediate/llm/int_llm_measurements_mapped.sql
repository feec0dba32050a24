{#
    Every measured LLM serving row with its canonical labels (seed
    llm_vocabulary: the value of the longest label prefix a printed label
    starts with), its GPU (dim_gpus key via seed extension_accelerator_memory)
    and that GPU's specs at the row's precision, the workload of an MLPerf
    benchmark, the host watts of the measured-system model at the wall, and
    why a row does not enter the fit (exclusion_reason; null for a fitted
    row). A row is never dropped: the row rules in the YAML fail the build on
    bad input, an excluded row keeps its reason.
#}
with measurements as (
    select * from {{ ref('stg_extension__llm_measured_energy') }}
),

vocabulary as (
    select * from {{ ref('stg_project__llm_vocabulary') }}
),

accelerator_memory as (
    select * from {{ ref('stg_extension__accelerator_memory') }}
),

workloads as (
    select * from {{ ref('stg_extension__llm_benchmark_workloads') }}
),

gpu_specs as (
    select * from {{ ref('int_llm_gpu_specs') }}
),

host_parameters as (
    select * from {{ ref('int_measured_system_parameters') }}
    where is_chosen
),

host_fit as (
    select
        any_value(estimate) filter (where parameter = 'log10_host_watts') as log10_host_watts,
        any_value(estimate) filter (where parameter = 'log10_host_watts_per_accelerator')
            as log10_host_watts_per_accelerator
    from host_parameters
),

labelled as (
    select
        measurements.*,
        starts_with(measurements.source_family, 'MLPerf') as is_mlperf,
        (
            select v.canonical_value from vocabulary as v
            where v.vocabulary = 'scenario' and starts_with(lower(measurements.scenario_label), lower(v.label_prefix))
            order by length(v.label_prefix) desc limit 1
        ) as scenario,
        (
            select v.canonical_value from vocabulary as v
            where
                v.vocabulary = 'measurement_boundary'
                and starts_with(lower(measurements.boundary_label), lower(v.label_prefix))
            order by length(v.label_prefix) desc limit 1
        ) as measurement_boundary,
        (
            select v.canonical_value from vocabulary as v
            where v.vocabulary = 'precision' and lower(measurements.precision_label) = lower(v.label_prefix)
        ) as precision_stated,
        (
            select v.canonical_value from vocabulary as v
            where
                v.vocabulary = 'tokens_basis'
                and starts_with(lower(measurements.tokens_basis_label), lower(v.label_prefix))
            order by length(v.label_prefix) desc limit 1
        ) as tokens_basis
    from measurements
),

mapped as (
    select
        labelled.*,
        accelerator_memory.gpu_id,
        accelerator_memory.accelerator_id is not null as is_accelerator_known,
        -- MLPerf's name without the accuracy suffix (llama2-70b-99.9 -> llama2-70b)
        case
            when labelled.is_mlperf then regexp_replace(labelled.benchmark_label, '-99(\.9)?$', '')
        end as benchmark,
        -- an unstated precision is priced as fp16 (the MLPerf v3.1/v4.0 file and ML.ENERGY v1
        -- state none): flagged in is_precision_stated
        coalesce(labelled.precision_stated, 'fp16') as precision,
        labelled.precision_stated is not null as is_precision_stated,
        coalesce(labelled.avg_system_watts, labelled.avg_gpu_watts) as measured_watts
    from labelled
    left join accelerator_memory on labelled.accelerator_id = accelerator_memory.accelerator_id
),

with_workload as (
    select
        mapped.*,
        workloads.mean_input_tokens as input_tokens,
        gpu_specs.peak_tflops,
        gpu_specs.peak_number_format,
        gpu_specs.tdp_watts,
        gpu_specs.memory_bandwidth_tbs,
        gpu_specs.bytes_per_parameter,
        case when mapped.is_mlperf then 'mlperf' else 'ml_energy' end as serving_source,
        -- a dense model states no active parameters: all of them are active
        coalesce(mapped.active_params_b, mapped.total_params_b) as active_params_priced_b,
        mapped.active_params_b is not null as is_active_params_stated,
        coalesce(
            mapped.tokens_per_second / mapped.samples_per_second,
            mapped.output_tokens_per_sample,
            workloads.mean_output_tokens
        ) as output_tokens,
        case when not mapped.is_mlperf then mapped.avg_batch_size end as batch_size,
        case
            when mapped.measurement_boundary = 'wall'
                then
                    pow(10, host_fit.log10_host_watts)
                    + mapped.n_accelerators * coalesce(pow(10, host_fit.log10_host_watts_per_accelerator), 0)
            else 0
        end as host_watts_modelled
    from mapped
    cross join host_fit
    left join workloads on mapped.benchmark = workloads.benchmark
    left join gpu_specs on mapped.gpu_id = gpu_specs.gpu_id and mapped.precision = gpu_specs.precision
),

final as (
    select
        llm_measurement_id,
        round_label,
        source_family,
        serving_source,
        measurement_boundary,
        boundary_label,
        scenario,
        scenario_label,
        benchmark,
        benchmark_label,
        model_name,
        task_dataset,
        workload_class,
        accelerator_label,
        accelerator_id,
        is_accelerator_known,
        gpu_id,
        gpu_id as chip,
        n_accelerators,
        precision,
        precision_label,
        is_precision_stated,
        peak_number_format,
        peak_tflops,
        tdp_watts,
        memory_bandwidth_tbs as bandwidth_tbs,
        bytes_per_parameter,
        total_params_b,
        active_params_priced_b as active_params_b,
        is_active_params_stated,
        input_tokens,
        output_tokens,
        batch_size,
        tokens_basis,
        tokens_basis_label,
        tokens_per_second,
        measured_watts,
        joules_per_token as joules_per_output_token,
        host_watts_modelled,
        duplicate_of,
        source_path,
        case
            when duplicate_of is not null then 'repeats ' || duplicate_of
            when tokens_per_second is null then 'tokens per second not stated'
            when measured_watts is null then 'watts not stated'
            when workload_class = 'mllm' then 'multimodal: image and video prompt tokens are not modelled'
            when total_params_b is null then 'parameters not stated'
            when gpu_id is null then 'accelerator not in dim_gpus (variant not stated)'
            when peak_tflops is null or memory_bandwidth_tbs is null
                then 'the GPU has no bandwidth or no peak at the precision'
        end as exclusion_reason
    from with_workload
)

select * from final
