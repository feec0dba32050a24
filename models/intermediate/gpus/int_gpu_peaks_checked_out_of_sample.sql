{#
    Out-of-sample test of the paper's GPU efficiency trends: every datasheet
    peak of the extension (one row per GPU x precision x paper fit) against
    what a paper fit predicts at the GPU's launch date, with the prediction
    interval of one new GPU (pred95). Two paper fits per row where they exist:
    - gpu_efficiency_cv, the fit the paper's energy method divides by (Fig. 8);
    - the theoretical fit of the row's precision class (Fig. 7), read from
      seed trend_definitions: the trend the class's refit (quantity gpu_peak,
      dataset paper_and_extension) extends.
    The row's refit over both datasets rides along, and whether the row is one
    of its points (and why not).
#}
with peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
    where dataset = 'extension'
),

refit_points as (
    select * from {{ ref('int_gpu_efficiency_fit_points') }}
    where dataset = 'paper_and_extension'
),

fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

comparisons as (
    select
        peaks.*,
        'energy_method' as paper_fit_role,
        'gpu_efficiency_cv' as paper_trend_id
    from peaks
    union all
    select
        peaks.*,
        'same_precision_class' as paper_fit_role,
        class_refit.extends_trend_id as paper_trend_id
    from peaks
    inner join fits as class_refit
        on
            class_refit.quantity = 'gpu_peak'
            and peaks.precision_class = class_refit.number_format
            and class_refit.dataset = 'paper_and_extension'
    where class_refit.extends_trend_id is not null
),

compared as (
    select
        comparisons.gpu_id,
        comparisons.gpu_name,
        comparisons.architecture,
        comparisons.precision,
        comparisons.number_format,
        comparisons.precision_class,
        comparisons.throughput_kind,
        comparisons.launch_date,
        comparisons.tflops,
        comparisons.watts,
        comparisons.is_derived_from_sparse,
        comparisons.is_gpu_in_paper,
        comparisons.gflops_per_watt as datasheet_gflops_per_watt,
        comparisons.paper_fit_role,
        comparisons.paper_trend_id,
        comparisons.launch_date > paper_fit.last_date as is_after_paper_fit_data,
        {{ trend_value_at('paper_fit', 'comparisons.launch_date') }} as paper_fit_gflops_per_watt,
        {{ trend_value_at('paper_fit', 'comparisons.launch_date', 'pred_low') }}
            as paper_fit_gflops_per_watt_pred95_low,
        {{ trend_value_at('paper_fit', 'comparisons.launch_date', 'pred_high') }}
            as paper_fit_gflops_per_watt_pred95_high,
        refit.trend_id as refit_trend_id,
        {{ trend_value_at('refit', 'comparisons.launch_date') }} as refit_gflops_per_watt,
        {{ trend_value_at('refit', 'comparisons.launch_date', 'pred_low') }} as refit_gflops_per_watt_pred95_low,
        {{ trend_value_at('refit', 'comparisons.launch_date', 'pred_high') }} as refit_gflops_per_watt_pred95_high,
        refit_point.gpu_id is not null as is_refit_point,
        case
            when refit_point.gpu_id is not null then null
            when refit.trend_id is null then 'no refit for precision class ' || comparisons.precision_class
            when comparisons.is_gpu_in_paper and comparisons.precision_class in ('fp32', 'fp16_bf16_tensor')
                then 'GPU listed in Table J.8: its J.8 row is the point'
            else 'not the best dense peak of its class for this GPU (one point per GPU and class)'
        end as refit_exclusion_reason
    from comparisons
    inner join fits as paper_fit on comparisons.paper_trend_id = paper_fit.trend_id
    left join fits as refit
        on
            refit.quantity = 'gpu_peak'
            and comparisons.precision_class = refit.number_format
            and refit.dataset = 'paper_and_extension'
    left join refit_points as refit_point
        on
            refit.trend_id = refit_point.trend_id
            and refit_point.point_dataset = 'extension'
            and comparisons.gpu_id = refit_point.gpu_id
            and comparisons.precision = refit_point.precision
),

final as (
    select
        *,
        datasheet_gflops_per_watt / paper_fit_gflops_per_watt as datasheet_to_paper_fit_ratio,
        datasheet_gflops_per_watt
        between paper_fit_gflops_per_watt_pred95_low and paper_fit_gflops_per_watt_pred95_high
            as is_inside_paper_fit_pred95
    from compared
)

select * from final
