{# Table L.13: printed J/img = Watts / (img/s), rounded to 3 decimals; exceptions in paper_errata. #}
{% set checks %}
    select
        system_name as row_key,
        'printed ' || published_joules_per_image || ' J/img, but ' || watts || ' W / '
        || resnet50_images_per_second || ' img/s = ' || round(watts / resnet50_images_per_second, 4) as detail,
        abs(published_joules_per_image - watts / resnet50_images_per_second) <= 0.0005 + 1e-9 as is_consistent
    from {{ ref('stg_paper__edge_system_energy') }}
{% endset %}
{{ raise_row_failures(
    ref('stg_paper__edge_system_energy'),
    'published J/img = W / (img/s) to 3 decimals (L.13)',
    errata_aware_failures('assert_edge_system_joules_match_watts_over_throughput', checks)
) }}
