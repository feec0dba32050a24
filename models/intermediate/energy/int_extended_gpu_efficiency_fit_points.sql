{#
    Points of the GPU efficiency refits over the paper's GPUs and the 2020-2025
    ones (dataset 'paper_and_extension'). Two families, each trend_id read from
    seed trend_definitions by its structured key (macro trend_key_matches):
    - gpu_efficiency_<domain>__extended: the paper's Fig. 8 points of that
      domain (int_gpu_efficiency_fit_points) plus the FP32 peak of every
      extension GPU that J.8 does not list: the paper's series continued with
      the only kind of point the new GPUs have in common with it (none has
      NGC-measured speed-ups).
    - gpu_peak_<precision_class>__extended: one point per GPU and precision
      class (fp32, fp16_bf16_tensor, eight_bit_tensor): the GPU's best dense
      peak of the class, from J.8 when J.8 lists the GPU in that class,
      otherwise from the extension, so no GPU counts twice.
#}
with paper_points as (
    select * from {{ ref('int_gpu_efficiency_fit_points') }}
    where quantity = 'gpu_efficiency'
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
    where precision_class in ('fp32', 'fp16_bf16_tensor', 'eight_bit_tensor')
),

{# ties (bf16 = fp16 on most GPUs) resolved by label, so the point is deterministic #}
best_of_class as (
    select
        dataset,
        gpu_id,
        precision_class,
        precision,
        launch_date,
        gflops_per_watt
    from peaks
    qualify row_number() over (
        partition by dataset, gpu_id, precision_class order by gflops_per_watt desc, precision asc
    ) = 1
),

{# per GPU and class, the paper's point wins over the extension's #}
class_points as (
    select
        'gpu_peak' as quantity,
        cast(null as varchar) as domain,
        extension_or_paper.precision_class as number_format,
        extension_or_paper.dataset as point_dataset,
        extension_or_paper.gpu_id,
        extension_or_paper.precision,
        extension_or_paper.launch_date,
        extension_or_paper.gflops_per_watt
    from best_of_class as extension_or_paper
    left join best_of_class as paper
        on
            extension_or_paper.dataset = 'extension'
            and paper.dataset = 'paper'
            and extension_or_paper.gpu_id = paper.gpu_id
            and extension_or_paper.precision_class = paper.precision_class
    where paper.gpu_id is null
),

domains as (
    select unnest(['cv', 'nlp']) as domain
),

energy_method_points as (
    select
        'gpu_efficiency' as quantity,
        paper_points.domain,
        cast(null as varchar) as number_format,
        'paper' as point_dataset,
        paper_points.gpu_id,
        paper_points.precision,
        paper_points.launch_date,
        paper_points.gflops_per_watt
    from paper_points
    union all
    select
        'gpu_efficiency' as quantity,
        domains.domain,
        cast(null as varchar) as number_format,
        peaks.dataset as point_dataset,
        peaks.gpu_id,
        peaks.precision,
        peaks.launch_date,
        peaks.gflops_per_watt
    from peaks
    cross join domains
    where peaks.dataset = 'extension' and peaks.precision = 'fp32' and not peaks.is_gpu_in_paper
),

points as (
    select * from class_points
    union all
    select * from energy_method_points
),

keyed as (
    select
        *,
        cast(null as varchar) as subset,
        'paper_and_extension' as dataset
    from points
),

final as (
    select
        definitions.trend_id,
        keyed.point_dataset as dataset,
        keyed.gpu_id,
        keyed.precision,
        keyed.launch_date,
        keyed.gflops_per_watt,
        keyed.quantity,
        keyed.domain,
        keyed.number_format
    from keyed
    left join definitions on {{ trend_key_matches('keyed', 'definitions') }}
)

select * from final
