{#
    Every measured result next to two estimates of its Joules per sample
    (benchmark FLOPs divided by a GFLOPS/W):
    - the paper's method: the paper's efficiency fit of the benchmark's domain
      (resnet50: cv, bert_large: nlp) read at the GPU's launch date;
    - the datasheet method: the GPU's own peak GFLOPS/W at the compute format
      of the submission (int_gpu_peaks_by_number_format).
    Both count the GPU at full peak only; the measurement is the whole
    system's wall power at real utilisation. `is_calibration_point` marks the
    rows the calibration fits; `calibration_exclusion_reason` says why any
    other row is not one. The implied share of the peak a result runs at
    (FLOPs x samples/s per accelerator / peak) above 2 means the stated
    precision cannot be the one computed in (e.g. "fp32" weights served in
    lower precision): such rows stay out. Between 1 and 2 it is mostly BERT,
    whose 384-token FLOPs count the padding TensorRT skips (seed
    benchmark_flops): kept, and visible in `implied_peak_utilisation`.
#}
with results as (
    select * from {{ ref('int_measured_results_mapped') }}
),

gpus as (
    select * from {{ ref('int_gpus_unioned') }}
),

peaks as (
    select * from {{ ref('int_gpu_peaks_by_number_format') }}
),

paper_fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

benchmarks as (
    select * from {{ ref('stg_project__benchmark_flops') }}
),

estimated as (
    select
        results.*,
        gpus.gpu_name,
        gpus.launch_date as gpu_launch_date,
        peaks.peak_precision,
        peaks.gflops_per_watt as datasheet_gflops_per_watt,
        peaks.tflops as datasheet_peak_tflops,
        peaks.watts as datasheet_tdp_watts,
        paper_fit.trend_id as paper_efficiency_trend_id,
        {{ joules_per_inference('results.gflops_per_sample', 'paper_fit', 'gpus.launch_date') }}
            as paper_method_joules_per_sample,
        results.gflops_per_sample / peaks.gflops_per_watt as datasheet_joules_per_sample,
        results.samples_per_second / results.n_accelerators * results.gflops_per_sample / 1000.0 / peaks.tflops
            as implied_peak_utilisation
    from results
    left join gpus on results.gpu_id = gpus.gpu_id
    left join peaks on results.gpu_id = peaks.gpu_id and results.compute_format = peaks.number_format
    {# the paper's efficiency fit of the benchmark's domain (seed benchmark_flops), by its structured key #}
    left join benchmarks on results.benchmark = benchmarks.benchmark_id
    {{ join_efficiency_fit('definitions', 'paper_fits', 'paper_fit', 'benchmarks.domain') }}
),

reasoned as (
    select
        *,
        case
            when not is_mlperf then 'not an MLPerf result (another measurement boundary and workload)'
            when vendor <> 'NVIDIA' then 'not an NVIDIA accelerator'
            when gpu_id is null then 'accelerator without datasheet peaks in the warehouse (or board not stated)'
            when measurement_boundary <> 'full_system_wall' then 'not MLPerf''s full-system boundary'
            when compute_format is null then 'number format not known (no MLPerf accuracy target, no stated precision)'
            when datasheet_gflops_per_watt is null then 'no datasheet peak of this GPU at the compute format'
            when is_repeated_measurement then 'the same measurement under an earlier result_id'
            when implied_peak_utilisation > {{ var('implied_peak_utilisation_max') }}
                then
                    'implied throughput more than {{ var("implied_peak_utilisation_max") }} x the peak '
                    || 'at the compute format: not the format computed in'
        end as calibration_exclusion_reason
    from estimated
),

final as (
    select
        *,
        calibration_exclusion_reason is null as is_calibration_point
    from reasoned
)

select * from final
