{#
    Table K.11: the measured J/img columns are Watts / (img/s). The paper
    truncates them to 4 decimals (288 / 1617 = 0.17811 -> 0.1781, but
    266 / 1515 = 0.17558 -> 0.1755), so a printed value must satisfy
    printed <= exact < printed + 0.0001.
#}
{% set failures %}
    with review as (
        select * from {{ ref('stg_paper__resnet50_review_energy') }}
    ),

    per_precision as (
        select
            gpu_name,
            'fp32' as precision,
            published_joules_per_image_fp32 as printed,
            watts / images_per_second_fp32 as exact
        from review
        union all
        select
            gpu_name,
            'fp16' as precision,
            published_joules_per_image_fp16 as printed,
            watts / images_per_second_fp16 as exact
        from review
    )

    select
        'row ''' || gpu_name || ''' ' || precision || ': printed ' || printed
        || ' J/img but W / (img/s) = ' || round(exact, 6) as failure_message
    from per_precision
    where not (printed <= exact + 1e-12 and exact < printed + 0.0001)
{% endset %}
{{ raise_row_failures(
    ref('stg_paper__resnet50_review_energy'),
    'published J/img = W / (img/s) truncated to 4 decimals (K.11)',
    failures
) }}
