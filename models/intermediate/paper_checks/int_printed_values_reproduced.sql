{#
    Every number the paper prints that follows from other printed numbers
    (J.8 and J.9 GFLOPS/W, J.9 TFLOPS, E.3 speed-ups, L.13 and K.11 J/img,
    K.10-K.11 estimates, Appendix H GFLOPs), next to our derivation, and its reproduction status, computed here once
    for every mart and test: one row per printed value, keyed on structured
    columns (table_ref, row_key by canonical ids, column_name), never on
    display names. Documented discrepancies (seed paper_errata) are joined on
    the same key.

    status: reproduced (agrees within the printed precision);
    documented_erratum (disagrees, explained in paper_errata); mismatch
    (disagrees, undocumented); stale_erratum (listed in paper_errata but
    agrees now); erratum_without_check (a paper_errata row that matches no
    printed value). Test assert_printed_values_are_reproduced fails on the
    last three.
#}
with theoretical as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
    where adapted_for = 'none'
),

edge_systems as (
    select * from {{ ref('int_edge_system_energies_computed') }}
),

energy_cases as (
    select * from {{ ref('int_energy_measurements_estimated') }}
),

flops_estimates as (
    select * from {{ ref('int_flops_estimates_computed') }}
),

j9_rows as (
    select * from {{ ref('int_gpu_efficiencies_adapted') }}
    where published_j9_gflops_per_watt is not null
),

j9_values as (
    unpivot j9_rows
    on
    (published_j9_tflops, tflops, published_j9_tflops_decimals) as published_tflops,
    (published_j9_gflops_per_watt, gflops_per_watt, published_j9_gflops_per_watt_decimals) as published_gflops_per_watt
    into
    name column_name
    value printed_value, derived_value, printed_decimals
),

ngc_benchmarks as (
    select * from {{ ref('int_ngc_benchmarks_paired_with_baselines') }}
),

errata as (
    select * from {{ ref('stg_paper__errata') }}
),

checks as (
    {#
        J.8: GFLOPS/W within half a unit of TFLOPS' last printed digit (propagated
        through the formula) plus half a unit of the GFLOPS/W's own last digit
    #}
    select
        'J.8' as table_ref,
        gpu_id || '/' || precision as row_key,
        'published_gflops_per_watt' as column_name,
        gpu_name || ' / ' || precision as row_label,
        published_j8_gflops_per_watt as printed_value,
        gflops_per_watt as derived_value,
        abs(published_j8_gflops_per_watt - gflops_per_watt)
        <= {{ gflops_per_watt('0.5 * pow(10, -tflops_printed_decimals)', 'watts') }}
        + 0.5 * pow(10, -published_j8_gflops_per_watt_decimals) + 1e-9 as is_consistent,
        'printed ' || published_j8_gflops_per_watt || ' GFLOPS/W, but ' || tflops || ' TFLOPS x 1000 / '
        || watts || ' W = ' || round(gflops_per_watt, 3) as detail
    from theoretical

    union all

    {# J.9: TFLOPS and GFLOPS/W (peak, or adapted with the mean NGC speed-up) to their printed decimals #}
    select
        'J.9' as table_ref,
        gpu_id || '/' || precision || '/' || adapted_for as row_key,
        column_name,
        gpu_name || ' / ' || precision || ' / ' || adapted_for as row_label,
        printed_value,
        derived_value,
        abs(derived_value - printed_value) <= 0.5 * pow(10, -printed_decimals) + 1e-9 as is_consistent,
        'printed ' || printed_value || ', computed ' || round(derived_value, 4)
        || case column_name when 'published_tflops' then ' TFLOPS' else ' GFLOPS/W' end as detail
    from j9_values

    union all

    {# E.3: the printed speed-up is the throughput ratio to the FP32 baseline, to its printed decimals #}
    select
        'E.3' as table_ref,
        cast(benchmark_id as varchar) as row_key,
        'published_speedup' as column_name,
        '#' || benchmark_id || ' ' || model_name || ' ' || framework || ' ' || gpu_label || ' ' || precision
            as row_label,
        published_speedup as printed_value,
        speedup_vs_fp32 as derived_value,
        abs(speedup_vs_fp32 - published_speedup) <= 0.5 * pow(10, -published_speedup_decimals) + 1e-9
            as is_consistent,
        'printed speed-up ' || published_speedup || ', throughput ratio ' || round(speedup_vs_fp32, 4) as detail
    from ngc_benchmarks
    where speedup_vs_fp32 is not null

    union all

    {# L.13: J/img = W / (img/s), rounded to the printed decimals #}
    select
        'L.13' as table_ref,
        system_id as row_key,
        'published_joules_per_image' as column_name,
        system_name as row_label,
        published_joules_per_image as printed_value,
        joules_per_image as derived_value,
        abs(published_joules_per_image - joules_per_image)
        <= 0.5 * pow(10, -published_joules_per_image_decimals) + 1e-9 as is_consistent,
        'printed ' || published_joules_per_image || ' J/img, but ' || watts || ' W / '
        || resnet50_images_per_second || ' img/s = ' || round(joules_per_image, 4) as detail
    from edge_systems

    union all

    {# K.11: measured J/img = W / (img/s), truncated (not rounded) to the printed decimals #}
    select
        table_ref,
        measurement_row_key as row_key,
        'published_joules_per_image' as column_name,
        case_id as row_label,
        published_measured_joules as printed_value,
        measured_joules as derived_value,
        published_measured_joules <= measured_joules + 1e-12
        and measured_joules < published_measured_joules + pow(10, -published_measured_decimals) as is_consistent,
        'printed ' || published_measured_joules || ' J/img, but W / (img/s) = ' || round(measured_joules, 6)
        || ' (truncated to ' || published_measured_decimals || ' decimals)' as detail
    from energy_cases
    where table_ref = 'K.11'

    union all

    {# K.10 and K.11: the paper's estimate = GFLOPs / CV-fit GFLOPS/W at the GPU's launch date #}
    select
        table_ref,
        estimate_row_key as row_key,
        'published_estimate_joules' as column_name,
        table_ref || ' ' || architecture || ' on ' || gpu_name as row_label,
        published_estimate_joules as printed_value,
        estimated_joules as derived_value,
        is_published_estimate_reproduced as is_consistent,
        'printed estimate ' || published_estimate_joules || ' J, computed ' || round(estimated_joules, 5)
        || ' J (' || round(gflops, 2) || ' GFLOPs / ' || round(gflops_per_watt_at_launch, 3)
        || ' GFLOPS/W at ' || gpu_launch_date || ')' as detail
    from energy_cases
    {# the paper prints one estimate per architecture x GPU, whatever the measured precision #}
    where precision in ('not stated', 'fp32')

    union all

    {# Appendix H: estimated GFLOPs within half a unit of the printed estimate's last significant digit #}
    select
        'Appendix H' as table_ref,
        estimated_model_id as row_key,
        'estimated_gflops' as column_name,
        estimated_model_id as row_label,
        printed_estimate_gflops as printed_value,
        estimated_gflops as derived_value,
        abs(estimated_gflops - printed_estimate_gflops) <= printed_half_unit_gflops + 1e-9 as is_consistent,
        'printed ~' || printed_estimate_gflops || ' GFLOPs, computed ' || round(estimated_gflops, 2)
        || ' (' || round(base_gflops, 2) || ' x d ' || round(depth_factor, 4) || ' x w^2 '
        || round(pow(width_factor, 2), 4) || ' x r^2 ' || round(pow(resolution_factor, 2), 4) || ')' as detail
    from flops_estimates
),

joined as (
    select
        checks.printed_value,
        checks.derived_value,
        checks.is_consistent,
        checks.detail,
        errata.erratum_id,
        errata.printed_value as erratum_printed_value,
        errata.explanation as erratum_explanation,
        coalesce(checks.table_ref, errata.table_ref) as table_ref,
        coalesce(checks.row_key, errata.row_key) as row_key,
        coalesce(checks.column_name, errata.column_name) as column_name,
        coalesce(checks.row_label, errata.row_key) as row_label,
        checks.row_key is not null as has_check
    from checks
    full outer join errata
        on
            checks.table_ref = errata.table_ref
            and checks.row_key = errata.row_key
            and checks.column_name = errata.column_name
),

final as (
    select
        *,
        case
            when not has_check then 'erratum_without_check'
            when is_consistent and erratum_id is null then 'reproduced'
            when is_consistent then 'stale_erratum'
            when erratum_id is not null then 'documented_erratum'
            else 'mismatch'
        end as status
    from joined
)

select * from final
