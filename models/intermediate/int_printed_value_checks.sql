{#
    Every number the paper prints that follows from other printed numbers,
    next to our derivation and whether the two agree within the printed
    precision. One row per check x row. Disagreements must be documented in
    seed paper_errata (test assert_printed_values_are_reproduced), and a
    documented row that starts to agree fails too.
#}
with gpu_specs as (
    select * from {{ ref('stg_paper__gpu_specs') }}
),

edge_systems as (
    select * from {{ ref('stg_paper__edge_system_energy') }}
),

energy_cases as (
    select * from {{ ref('int_energy_measurements_estimated') }}
),

flops_estimates as (
    select * from {{ ref('int_flops_estimates_computed') }}
),

checks as (
    {# J.8: GFLOPS/W = TFLOPS x 1000 / W within half a unit of TFLOPS' last digit (propagated) + 0.005 #}
    select
        'j8_gflops_per_watt' as check_name,
        'J.8' as table_ref,
        gpu_name || ' / ' || precision_label as row_key,
        published_gflops_per_watt as printed_value,
        tflops * 1000 / watts as derived_value,
        abs(published_gflops_per_watt - tflops * 1000 / watts)
        <= 0.5 * pow(10, -tflops_printed_decimals) * 1000 / watts + 0.005 + 1e-9 as is_consistent,
        'printed ' || published_gflops_per_watt || ' GFLOPS/W, but ' || tflops || ' TFLOPS x 1000 / '
        || watts || ' W = ' || round(tflops * 1000 / watts, 3) as detail
    from gpu_specs

    union all

    {# L.13: J/img = W / (img/s), 3 decimals #}
    select
        'l13_joules_per_image' as check_name,
        'L.13' as table_ref,
        system_name as row_key,
        published_joules_per_image as printed_value,
        watts / resnet50_images_per_second as derived_value,
        abs(published_joules_per_image - watts / resnet50_images_per_second) <= 0.0005 + 1e-9 as is_consistent,
        'printed ' || published_joules_per_image || ' J/img, but ' || watts || ' W / '
        || resnet50_images_per_second || ' img/s = ' || round(watts / resnet50_images_per_second, 4) as detail
    from edge_systems

    union all

    {# K.11: measured J/img = W / (img/s), truncated (not rounded) to 4 decimals #}
    select
        'k11_measured_joules_per_image' as check_name,
        'K.11' as table_ref,
        gpu_name || ' ' || upper(precision) as row_key,
        published_measured_joules as printed_value,
        measured_joules as derived_value,
        published_measured_joules <= measured_joules + 1e-12
        and measured_joules < published_measured_joules + 0.0001 as is_consistent,
        'printed ' || published_measured_joules || ' J/img, but W / (img/s) = ' || round(measured_joules, 6)
        || ' (truncated to 4 decimals)' as detail
    from energy_cases
    where table_ref = 'K.11'

    union all

    {# K.10 and K.11: the paper's estimate = GFLOPs / CV-fit GFLOPS/W at the GPU's launch date #}
    select
        'k_estimated_joules' as check_name,
        table_ref,
        estimate_key as row_key,
        published_estimate_joules as printed_value,
        estimated_joules as derived_value,
        is_published_estimate_reproduced as is_consistent,
        'printed estimate ' || published_estimate_joules || ' J, computed ' || round(estimated_joules, 5)
        || ' J (' || round(gflops, 2) || ' GFLOPs / ' || round(gflops_per_watt_at_launch, 3)
        || ' GFLOPS/W at ' || gpu_launch_date || ')' as detail
    from energy_cases
    where precision in ('not stated', 'fp32')

    union all

    {# Appendix H: estimated GFLOPs within half a unit of the printed estimate's last significant digit #}
    select
        'h_estimated_gflops' as check_name,
        'Appendix H' as table_ref,
        estimated_model_id as row_key,
        printed_estimate_gflops as printed_value,
        estimated_gflops as derived_value,
        abs(estimated_gflops - printed_estimate_gflops) <= printed_half_unit_gflops + 1e-9 as is_consistent,
        'printed ~' || printed_estimate_gflops || ' GFLOPs, computed ' || round(estimated_gflops, 2)
        || ' (' || round(base_gflops, 2) || ' x d ' || round(depth_factor, 4) || ' x w^2 '
        || round(pow(width_factor, 2), 4) || ' x r^2 ' || round(pow(resolution_factor, 2), 4) || ')' as detail
    from flops_estimates
)

select * from checks
