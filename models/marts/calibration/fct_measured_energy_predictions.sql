{#
    Predicted measured energy (MLPerf's whole-system wall power) for every GPU
    of the GPU dimension with a peak at a compute format, measured or not:
    one row per gpu_id x precision (compute format) x benchmark x scenario x
    system (accelerator count x power mode, seed measured_system_settings),
    from the chosen measured-system model with its 95 % prediction interval
    (pred95) and the host's share of the energy. Also in SQL as the DuckDB
    macro estimate_measured_joules.
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
    select distinct compute_format from calibration_points
),

final as (
    select
        cast(predicted.gpu_id as varchar) as gpu_id,
        cast(gpus.gpu_name as varchar) as gpu_name,
        cast(predicted.compute_format as varchar) as precision,
        cast(predicted.benchmark as varchar) as benchmark,
        cast(predicted.scenario as varchar) as scenario,
        cast(predicted.n_accelerators as integer) as n_accelerators,
        cast(predicted.power_mode as varchar) as power_mode,
        cast(pow(10, predicted.predicted_log10_joules) as double) as predicted_joules_per_sample,
        cast(pow(10, predicted.predicted_log10_joules - predicted.pred95_half_width_log10) as double)
            as pred95_low_joules_per_sample,
        cast(pow(10, predicted.predicted_log10_joules + predicted.pred95_half_width_log10) as double)
            as pred95_high_joules_per_sample,
        cast(predicted.host_share as double) as host_share,
        cast('full_system_wall' as varchar) as measurement_boundary,
        cast(predicted.gflops_per_sample as double) as gflops_per_sample,
        cast(predicted.datasheet_gflops_per_watt as double) as datasheet_gflops_per_watt,
        cast(predicted.datasheet_joules_per_sample as double) as datasheet_joules_per_sample,
        cast(measured_gpus.gpu_id is not null as boolean) as is_gpu_measured,
        cast(measured_precisions.compute_format is not null as boolean) as is_precision_measured,
        cast(predicted.calibration_candidate_id as varchar) as calibration_candidate_id
    from predicted
    inner join gpus on predicted.gpu_id = gpus.gpu_id
    left join measured_gpus on predicted.gpu_id = measured_gpus.gpu_id
    left join measured_precisions on predicted.compute_format = measured_precisions.compute_format
)

select * from final
