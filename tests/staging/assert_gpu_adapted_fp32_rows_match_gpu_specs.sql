{#
    The unadapted FP32 rows of Table J.9 repeat Table J.8: same TFLOPS, Watts
    and launch date for the same gpu_id, and the printed GFLOPS/W equal to
    TFLOPS x 1000 / W within rounding (J.9 prints them more carefully than J.8).
#}
{% set failures %}
    with adapted as (
        select * from {{ ref('stg_paper__gpu_adapted_specs') }}
        where adapted_for = 'none'
    ),

    specs as (
        select * from {{ ref('stg_paper__gpu_specs') }}
        where precision = 'fp32'
    )

    select
        'row ''' || adapted.gpu_name || ''': ' || case
            when specs.gpu_id is null then 'no FP32 row for gpu_id ' || adapted.gpu_id || ' in J.8'
            when adapted.published_tflops <> specs.tflops then 'TFLOPS ' || adapted.published_tflops || ' vs ' || specs.tflops || ' in J.8'
            when adapted.watts <> specs.watts then 'Watts ' || adapted.watts || ' vs ' || specs.watts || ' in J.8'
            when adapted.launch_date <> specs.launch_date then 'launch date ' || adapted.launch_date || ' vs ' || specs.launch_date || ' in J.8'
            else 'printed ' || adapted.published_gflops_per_watt || ' GFLOPS/W vs TFLOPS x 1000 / W = '
                || round({{ gflops_per_watt('adapted.published_tflops', 'adapted.watts') }}, 3)
        end as failure_message
    from adapted
    left join specs on adapted.gpu_id = specs.gpu_id
    where specs.gpu_id is null
        or adapted.published_tflops <> specs.tflops
        or adapted.watts <> specs.watts
        or adapted.launch_date <> specs.launch_date
        or abs(
            adapted.published_gflops_per_watt
            - {{ gflops_per_watt('adapted.published_tflops', 'adapted.watts') }}
        ) > 0.005 + 1e-9
{% endset %}
{{ failing_rows('unadapted FP32 rows of J.9 repeat J.8',
    failures
) }}
