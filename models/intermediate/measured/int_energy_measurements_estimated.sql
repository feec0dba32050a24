{#
    Appendix K: measured energy per inference (K.10: NVML, Tang et al.; K.11:
    power / throughput from an online review) next to our estimate, computed
    as the paper describes: the model's GFLOPs divided by the CV-fit
    GFLOPS/W at the GPU's launch date. K.11 has one row per measured
    precision (FP32, FP16).
#}
with nvml as (
    select * from {{ ref('stg_paper__nvml_energy_measurements') }}
),

review as (
    select * from {{ ref('stg_paper__resnet50_review_energy') }}
),

{# K.11 measures each GPU in two precisions: one row per precision #}
review_by_precision as (
    unpivot review
    on
    (images_per_second_fp32, published_joules_per_image_fp32, published_joules_per_image_fp32_decimals) as fp32,
    (images_per_second_fp16, published_joules_per_image_fp16, published_joules_per_image_fp16_decimals) as fp16
    into
    name precision
    value images_per_second, published_joules_per_image, published_joules_per_image_decimals
),

models as (
    select * from {{ ref('int_models_unioned') }}
    where dataset = 'paper' and domain = 'cv'
),

gpu_launches as (
    select
        gpu_id,
        launch_date
    from {{ ref('int_gpus_identified') }}
),

fits as (
    select * from {{ ref('fit_gpu_efficiency__ols') }}
    where trend_id = 'gpu_efficiency_cv'
),

measurements as (
    select
        'K.10' as table_ref,
        architecture,
        cv_model_id,
        gpu_id,
        gpu_name,
        'not stated' as precision,
        measured_joules,
        measured_joules as published_measured_joules,
        cast(null as integer) as published_measured_decimals,
        published_estimate_joules,
        published_estimate_decimals,
        'round' as published_estimate_rounding
    from nvml
    union all
    select
        'K.11' as table_ref,
        'ResNet-50' as architecture,
        cv_model_id,
        gpu_id,
        gpu_name,
        precision,
        watts / images_per_second as measured_joules,
        published_joules_per_image as published_measured_joules,
        published_joules_per_image_decimals as published_measured_decimals,
        published_estimate_joules,
        published_estimate_decimals,
        {# K.11 truncates: 288 / 1617 = 0.17811 -> 0.1781 but 266 / 1515 = 0.17558 -> 0.1755 #}
        'truncate' as published_estimate_rounding
    from review_by_precision
),

estimated as (
    select
        measurements.*,
        models.gflops,
        gpu_launches.launch_date as gpu_launch_date,
        {{ trend_value_at('fit', 'gpu_launches.launch_date') }} as gflops_per_watt_at_launch,
        {{ joules_with_intervals('models.gflops', 'fit', 'gpu_launches.launch_date', 'estimated_joules') }}
    from measurements
    inner join models on measurements.cv_model_id = models.model_id
    inner join gpu_launches on measurements.gpu_id = gpu_launches.gpu_id
    cross join fits as fit
),

final as (
    select
        *,
        {# the paper prints one estimate per architecture x GPU, whatever the measured precision #}
        table_ref || ' ' || architecture || ' on ' || gpu_name
        || case when precision = 'not stated' then '' else ' ' || upper(precision) end as case_id,
        {# structured keys of the printed values, as int_printed_values_reproduced and paper_errata name them #}
        cv_model_id || '/' || gpu_id as estimate_row_key,
        gpu_id || '/' || precision as measurement_row_key,
        case published_estimate_rounding
            when 'round'
                then round(estimated_joules, published_estimate_decimals)
            when 'truncate'
                then
                    trunc(estimated_joules * pow(10, published_estimate_decimals))
                    / pow(10, published_estimate_decimals)
        end = published_estimate_joules as is_published_estimate_reproduced,
        {# validity, apart from reproduction: does the measurement fall inside our intervals? #}
        measured_joules / estimated_joules as measured_to_estimated_ratio,
        measured_joules between estimated_joules_mean_ci95_low and estimated_joules_mean_ci95_high
            as is_measured_inside_mean_ci95,
        measured_joules between estimated_joules_pred95_low and estimated_joules_pred95_high
            as is_measured_inside_pred95
    from estimated
)

select * from final
