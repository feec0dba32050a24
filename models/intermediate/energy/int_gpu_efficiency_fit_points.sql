{#
    The points of every GPU efficiency trend, one row per fit x GPU row, for
    both trend datasets (`dataset`; `point_dataset` says where the point comes
    from):
    - dataset 'paper': Fig. 8 per domain, every theoretical FP32 row of J.8
      (except var efficiency_fit_excluded_fp32_gpu_ids) plus that domain's
      adapted rows; Fig. 7, the theoretical rows of each J.8 precision family.
    - dataset 'paper_and_extension': the Fig. 8 points of each domain plus the
      FP32 peak of every extension GPU that J.8 does not list (the paper's
      series continued with the only kind of point the new GPUs share with
      it); and one point per GPU and precision class (fp32, fp16_bf16_tensor,
      eight_bit_tensor), the GPU's best dense peak of the class, from J.8 when
      J.8 lists the GPU in that class, so no GPU counts twice.
    Each trend_id is read from seed trend_definitions by the structured key
    (macro trend_key_matches), never built as text.
#}
{% set excluded = var('efficiency_fit_excluded_fp32_gpu_ids') %}

with efficiencies as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
),

peaks as (
    select * from {{ ref('int_gpu_datasheet_peaks_unioned') }}
    where precision_class in ('fp32', 'fp16_bf16_tensor', 'eight_bit_tensor')
),

definitions as (
    select * from {{ ref('stg_project__trend_definitions') }}
),

domains as (
    select unnest(['cv', 'nlp']) as domain
),

adapted_points as (
    select
        'gpu_efficiency' as quantity,
        domains.domain,
        cast(null as varchar) as number_format,
        efficiencies.gpu_id,
        efficiencies.precision,
        efficiencies.adapted_for,
        efficiencies.launch_date,
        efficiencies.gflops_per_watt
    from efficiencies
    inner join domains
        on
            efficiencies.adapted_for = domains.domain
            or (
                efficiencies.adapted_for = 'none'
                and efficiencies.precision = 'fp32'
                and efficiencies.gpu_id not in ({{ sql_list(excluded) }})
            )
),

theoretical_points as (
    select
        'gpu_theoretical' as quantity,
        cast(null as varchar) as domain,
        precision as number_format,
        gpu_id,
        precision,
        adapted_for,
        launch_date,
        gflops_per_watt
    from efficiencies
    where adapted_for = 'none'
),

paper_points as (
    select
        *,
        'paper' as dataset,
        'paper' as point_dataset
    from adapted_points
    union all
    select
        *,
        'paper' as dataset,
        'paper' as point_dataset
    from theoretical_points
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
        extension_or_paper.gpu_id,
        extension_or_paper.precision,
        'none' as adapted_for,
        extension_or_paper.launch_date,
        extension_or_paper.gflops_per_watt,
        'paper_and_extension' as dataset,
        extension_or_paper.dataset as point_dataset
    from best_of_class as extension_or_paper
    left join best_of_class as paper
        on
            extension_or_paper.dataset = 'extension'
            and paper.dataset = 'paper'
            and extension_or_paper.gpu_id = paper.gpu_id
            and extension_or_paper.precision_class = paper.precision_class
    where paper.gpu_id is null
),

continued_points as (
    select
        quantity,
        domain,
        number_format,
        gpu_id,
        precision,
        adapted_for,
        launch_date,
        gflops_per_watt,
        'paper_and_extension' as dataset,
        'paper' as point_dataset
    from paper_points
    where quantity = 'gpu_efficiency'
    union all
    select
        'gpu_efficiency' as quantity,
        domains.domain,
        cast(null as varchar) as number_format,
        peaks.gpu_id,
        peaks.precision,
        'none' as adapted_for,
        peaks.launch_date,
        peaks.gflops_per_watt,
        'paper_and_extension' as dataset,
        peaks.dataset as point_dataset
    from peaks
    cross join domains
    where peaks.dataset = 'extension' and peaks.precision = 'fp32' and not peaks.is_gpu_in_paper
),

keyed as (
    select
        *,
        cast(null as varchar) as subset
    from paper_points
    union all
    select
        *,
        cast(null as varchar) as subset
    from class_points
    union all
    select
        *,
        cast(null as varchar) as subset
    from continued_points
),

final as (
    select
        definitions.trend_id,
        keyed.dataset,
        keyed.point_dataset,
        keyed.gpu_id,
        keyed.precision,
        keyed.adapted_for,
        keyed.launch_date,
        keyed.gflops_per_watt,
        keyed.quantity,
        keyed.domain,
        keyed.number_format
    from keyed
    left join definitions on {{ trend_key_matches('keyed', 'definitions') }}
)

select * from final
