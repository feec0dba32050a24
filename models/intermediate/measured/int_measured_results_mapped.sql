{#
    Every measured result with its labels made canonical (seed
    measurement_vocabulary: benchmark, scenario, measurement boundary,
    precision, and the compute format its accuracy target runs at), its MLPerf
    system's power mode (seed extension_mlperf_system_power_modes), its accelerator mapped to the GPU dimension (seed
    extension_accelerator_names: non-NVIDIA accelerators are kept, with their
    vendor, gpu_id null), and the FLOPs per sample of its benchmark. A label
    missing from a vocabulary leaves a null canonical value, which the tests
    turn into a failure naming the row. The same measurement submitted in two
    MLPerf categories (datacenter and edge) is counted once.
#}
with results as (
    select * from {{ ref('stg_extension__measured_inference_energy') }}
),

vocabulary as (
    select * from {{ ref('stg_project__measurement_vocabulary') }}
),

accelerators as (
    select * from {{ ref('stg_extension__accelerator_names') }}
),

benchmark_flops as (
    select * from {{ ref('stg_project__benchmark_flops') }}
),

power_modes as (
    select * from {{ ref('stg_extension__mlperf_system_power_modes') }}
),

mapped as (
    select
        results.*,
        benchmarks.canonical as benchmark,
        scenarios.canonical as scenario,
        boundaries.canonical as measurement_boundary,
        accelerators.gpu_id,
        accelerators.chip,
        accelerators.vendor,
        accelerators.accelerator_kind,
        benchmark_flops.gflops_per_sample,
        nullif(precisions.canonical, 'unknown') as precision,
        {# what the optimised kernels run at an MLPerf accuracy target, whatever the weights are stored
           in; else as stated. A result stating no weight format at all (the MLCommons reference runs
           of v3.1) gets none: its kernels are not the ones the accuracy target's format describes #}
        case
            when nullif(precisions.canonical, 'unknown') is not null
                then coalesce(compute_formats.canonical, precisions.canonical)
        end as compute_format,
        power_modes.power_mode,
        results.precision_label is null or precisions.canonical is not null as is_precision_label_known,
        accelerators.accelerator_label is not null as is_accelerator_known,
        results.accuracy_target is null or compute_formats.canonical is not null as is_accuracy_target_known
    from results
    left join vocabulary as benchmarks
        on benchmarks.vocabulary = 'benchmark' and results.benchmark_label = benchmarks.printed_label
    left join vocabulary as scenarios
        on scenarios.vocabulary = 'scenario' and results.scenario_label = scenarios.printed_label
    left join vocabulary as boundaries
        on boundaries.vocabulary = 'boundary' and results.boundary_label = boundaries.printed_label
    left join vocabulary as precisions
        on precisions.vocabulary = 'precision' and results.precision_label = precisions.printed_label
    left join vocabulary as compute_formats
        on compute_formats.vocabulary = 'compute_format' and results.accuracy_target = compute_formats.printed_label
    left join power_modes on results.is_mlperf and results.system_name = power_modes.system_name
    left join accelerators on results.accelerator_label = accelerators.accelerator_label
    left join benchmark_flops on benchmarks.canonical = benchmark_flops.benchmark_id
),

final as (
    select
        *,
        {# the first result_id of identical measurements (same system, round, benchmark, scenario and values) #}
        result_id <> min(result_id) over (
            partition by
                round_label, system_name, benchmark_label, accuracy_target, scenario_label,
                samples_per_second, avg_system_watts, joules_per_sample
        ) as is_repeated_measurement
    from mapped
)

select * from final
