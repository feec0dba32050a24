{#
    Every measured result next to two estimates of its Joules per sample
    (benchmark FLOPs divided by a GFLOPS/W):
    - the paper's method: the paper's efficiency fit of the benchmark's domain
      (resnet50: cv, bert_large: nlp) read at the GPU's launch date;
    - the datasheet method: the GPU's own peak GFLOPS/W at the submission's
      precision (int_gpu_peaks_by_number_format).
    Both count the GPU at full peak only; the measurement is the whole
    system's wall power at real utilisation. `is_calibration_point` marks the
    rows the calibration fits: NVIDIA GPUs with a peak at their precision,
    MLPerf's full-system boundary, each measurement once.
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

final as (
    select
        results.*,
        gpus.gpu_name,
        gpus.launch_date as gpu_launch_date,
        peaks.peak_precision,
        peaks.gflops_per_watt as datasheet_gflops_per_watt,
        paper_fit.trend_id as paper_efficiency_trend_id,
        {{ joules_per_inference('results.gflops_per_sample', 'paper_fit', 'gpus.launch_date') }}
            as paper_method_joules_per_sample,
        results.gflops_per_sample / peaks.gflops_per_watt as datasheet_joules_per_sample,
        coalesce(
            results.is_mlperf
            and results.vendor = 'NVIDIA'
            and results.measurement_boundary = 'full_system_wall'
            and results.benchmark in ('resnet50', 'bert_large')
            and peaks.gflops_per_watt is not null
            and not results.is_repeated_measurement,
            false
        ) as is_calibration_point
    from results
    left join gpus on results.gpu_id = gpus.gpu_id
    left join peaks on results.gpu_id = peaks.gpu_id and results.precision = peaks.number_format
    left join paper_fits as paper_fit
        on paper_fit.trend_id = 'gpu_efficiency_' || case results.benchmark when 'resnet50' then 'cv' else 'nlp' end
)

select * from final
