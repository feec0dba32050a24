{#
    What the measured-system model predicts, one row each: every measured
    result with a datasheet peak, as its system was (role 'measured_result'),
    and every GPU of the GPU dimension x compute format with a peak x MLPerf
    benchmark x scenario x the systems of seed measured_system_settings
    (accelerator count x power mode; role 'grid': GPUs never measured
    included).
#}
with results as (
    select * from {{ ref('int_measured_results_estimated') }}
    where datasheet_joules_per_sample is not null
),

peaks as (
    select * from {{ ref('int_gpu_peaks_by_number_format') }}
),

benchmarks as (
    select * from {{ ref('stg_project__benchmark_flops') }}
),

settings as (
    select * from {{ ref('stg_project__measured_system_settings') }}
),

scenarios as (
    select unnest(['offline', 'server']) as scenario
),

accelerator_counts as (
    select n_accelerators from settings
    where setting = 'n_accelerators'
),

power_modes as (
    select power_mode from settings
    where setting = 'power_mode'
),

final as (
    select
        'measured_result' as prediction_role,
        result_id as prediction_id,
        gpu_id,
        compute_format,
        benchmark,
        scenario,
        n_accelerators,
        power_mode,
        gflops_per_sample,
        datasheet_peak_tflops as peak_tflops,
        datasheet_tdp_watts as tdp_watts,
        datasheet_gflops_per_watt,
        datasheet_joules_per_sample
    from results
    union all
    select
        'grid' as prediction_role,
        {# a display key only: nothing parses it, joins use the columns #}
        concat_ws(
            '/', peaks.gpu_id, peaks.number_format, benchmarks.benchmark_id, scenarios.scenario,
            accelerator_counts.n_accelerators, power_modes.power_mode
        ) as prediction_id,
        peaks.gpu_id,
        peaks.number_format as compute_format,
        benchmarks.benchmark_id as benchmark,
        scenarios.scenario,
        accelerator_counts.n_accelerators,
        power_modes.power_mode,
        benchmarks.gflops_per_sample,
        peaks.tflops as peak_tflops,
        peaks.watts as tdp_watts,
        peaks.gflops_per_watt as datasheet_gflops_per_watt,
        benchmarks.gflops_per_sample / peaks.gflops_per_watt as datasheet_joules_per_sample
    from peaks
    cross join benchmarks
    cross join scenarios
    cross join accelerator_counts
    cross join power_modes
)

select * from final
