{#
    Table F.4 (printed only as an image in the paper): per domain, GPU and
    precision, the mean over benchmarks of the throughput ratio to the FP32
    baseline. The mean of the ratios, not of the 2-decimal speed-ups printed in
    E.3, is what reproduces Table J.9 (see test
    assert_j9_needs_mean_of_throughput_ratios).
#}
with paired as (
    select * from {{ ref('int_ngc_benchmarks_paired_with_baselines') }}
    where precision <> 'fp32'
),

averaged as (
    select
        domain,
        gpu_id,
        precision,
        any_value(baseline_gpu_id) as baseline_gpu_id,
        count(*) as n_benchmarks,
        avg(speedup_vs_fp32) as mean_speedup,
        min(speedup_vs_fp32) as min_speedup,
        max(speedup_vs_fp32) as max_speedup,
        avg(published_speedup) as mean_published_speedup
    from paired
    group by domain, gpu_id, precision
)

select * from averaged
