{#
    Predicted measured energy (MLPerf's whole-system wall power) for every GPU
    of the GPU dimension with a peak at a serving precision, measured or not:
    one row per gpu_id x precision x benchmark x scenario, from the chosen
    calibration with its 95 % prediction interval (pred95). Also in SQL as the
    DuckDB macro estimate_measured_joules.
#}
with predicted as (
    select * from {{ ref('int_measured_energy_predicted') }}
    where prediction_role = 'grid'
),

gpus as (
    select * from {{ ref('int_gpus_unioned') }}
),

calibration_points as (
    select * from {{ ref('int_calibration_points') }}
),

measured_gpus as (
    select distinct gpu_id from calibration_points
),

measured_precisions as (
    select distinct precision from calibration_points
),

final as (
    select
        cast(predicted.gpu_id as varchar) as gpu_id,
        cast(gpus.gpu_name as varchar) as gpu_name,
        cast(predicted.precision as varchar) as precision,
        cast(predicted.benchmark as varchar) as benchmark,
        cast(predicted.scenario as varchar) as scenario,
        cast(pow(10, predicted.predicted_log10_joules) as double) as predicted_joules_per_sample,
        cast(pow(10, predicted.predicted_log10_joules - predicted.pred95_half_width_log10) as double)
            as pred95_low_joules_per_sample,
        cast(pow(10, predicted.predicted_log10_joules + predicted.pred95_half_width_log10) as double)
            as pred95_high_joules_per_sample,
        cast('full_system_wall' as varchar) as measurement_boundary,
        cast(predicted.gflops_per_sample as double) as gflops_per_sample,
        cast(predicted.datasheet_gflops_per_watt as double) as datasheet_gflops_per_watt,
        cast(pow(10, predicted.log10_datasheet_joules) as double) as datasheet_joules_per_sample,
        cast(measured_gpus.gpu_id is not null as boolean) as is_gpu_measured,
        cast(measured_precisions.precision is not null as boolean) as is_precision_measured,
        cast(predicted.calibration_candidate_id as varchar) as calibration_candidate_id
    from predicted
    inner join gpus on predicted.gpu_id = gpus.gpu_id
    left join measured_gpus on predicted.gpu_id = measured_gpus.gpu_id
    left join measured_precisions on predicted.precision = measured_precisions.precision
)

select * from final
