{#
    Why fct_mixed_precision_speedups averages throughput ratios: averaging the
    2-decimal speed-ups printed in E.3 instead misses at least one adapted row
    of J.9 (V100 mixed CNN: 15.70 x 2.275 = 35.72, printed 35.71), while the
    ratio mean reproduces them all (assert_gpu_efficiency_reproduces_j9).
    Fails if the printed-speed-up mean reproduces J.9 just as well, i.e. if the
    choice were no longer supported by the data.
#}
{% set failures %}
    with speedups as (
        select * from {{ ref('fct_mixed_precision_speedups') }}
    ),

    gpus as (
        select * from {{ ref('stg_paper__gpu_specs') }}
        where precision = 'fp32'
    ),

    published as (
        select * from {{ ref('stg_paper__gpu_adapted_specs') }}
        where adapted_for <> 'none' and published_tflops is not null
    ),

    with_printed_mean as (
        select
            published.gpu_name,
            published.adapted_for,
            published.precision,
            published.published_tflops,
            baseline.tflops * speedups.mean_published_speedup as tflops_from_printed_mean
        from published
        inner join speedups
            on
                published.gpu_id = speedups.gpu_id
                and published.precision = speedups.precision
                and published.adapted_for = speedups.domain
        inner join gpus as baseline on speedups.baseline_gpu_id = baseline.gpu_id
    )

    select
        'the mean of the printed speed-ups reproduces all ' || count(*)
        || ' adapted rows of J.9 too: the averaging choice is no longer evidenced' as failure_message
    from with_printed_mean
    having count(*) > 0 and bool_and(abs(tflops_from_printed_mean - published_tflops) <= 0.005 + 1e-9)
{% endset %}
{{ failing_rows('mean of throughput ratios is the averaging that reproduces J.9',
    failures
) }}
