{#
    What the calibration predicts, one row each: every measured result with a
    datasheet estimate (role 'measured_result'), and every GPU of the GPU
    dimension x serving precision with a peak x MLPerf benchmark x scenario
    (role 'grid': GPUs never measured included). x = log10 of the datasheet
    estimate, FLOPs per sample / peak GFLOPS/W.
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

scenarios as (
    select unnest(['offline', 'server']) as scenario
),

final as (
    select
        'measured_result' as prediction_role,
        result_id as prediction_id,
        gpu_id,
        precision,
        benchmark,
        scenario,
        gflops_per_sample,
        datasheet_gflops_per_watt,
        log10(datasheet_joules_per_sample) as log10_datasheet_joules
    from results
    union all
    select
        'grid' as prediction_role,
        peaks.gpu_id || '/' || peaks.number_format || '/' || benchmarks.benchmark_id || '/' || scenarios.scenario
            as prediction_id,
        peaks.gpu_id,
        peaks.number_format as precision,
        benchmarks.benchmark_id as benchmark,
        scenarios.scenario,
        benchmarks.gflops_per_sample,
        peaks.gflops_per_watt as datasheet_gflops_per_watt,
        log10(benchmarks.gflops_per_sample / peaks.gflops_per_watt) as log10_datasheet_joules
    from peaks
    cross join benchmarks
    cross join scenarios
)

select * from final
