{#
    Table J.8: the printed GFLOPS/W must equal TFLOPS x 1000 / W "within
    rounding", i.e. within half a unit of the last printed digit of TFLOPS
    (propagated through the division) plus half a unit of the 2-decimal
    GFLOPS/W. Inconsistent rows of the paper are listed in paper_errata.
#}
{% set checks %}
    select
        gpu_name || ' / ' || precision_label as row_key,
        'printed ' || published_gflops_per_watt || ' GFLOPS/W, but ' || tflops || ' TFLOPS x 1000 / '
        || watts || ' W = ' || round(tflops * 1000 / watts, 3) as detail,
        abs(published_gflops_per_watt - tflops * 1000 / watts)
        <= 0.5 * pow(10, -tflops_printed_decimals) * 1000 / watts + 0.005 + 1e-9 as is_consistent
    from {{ ref('stg_paper__gpu_specs') }}
{% endset %}
{{ raise_row_failures(
    ref('stg_paper__gpu_specs'),
    'published GFLOPS/W = TFLOPS x 1000 / W within rounding (J.8)',
    errata_aware_failures('assert_gpu_spec_gflops_per_watt_matches_tflops_over_watts', checks)
) }}
