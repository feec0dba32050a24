{#
    The measured-system predictions move where the measurements move, each
    direction read from the measured results themselves (pairs on one system
    and round), never from our output:
    - Server vs Offline: the median measured ratio server / offline of one
      system, benchmark and format; the predictions' ratio must lie on the
      same side of 1 for every GPU.
    - BERT at fp16 (bert-99.9) vs int8 (bert-99): the median measured ratio on
      one system; the predictions' ratio on the same side of 1.
    - Accelerator count: the median over pairs of systems of one GPU, round
      and power mode of their measured J/sample ratio, fewer over more
      accelerators; a 1-accelerator prediction must lie on the same side.
    One row per violation.
#}
{% set failures %}
with measured as (
    select * from {{ ref('fct_measured_vs_estimated') }}
    where is_calibration_point
),

predictions as (
    select * from {{ ref('fct_measured_energy_predictions') }}
    where predicted_joules_per_sample is not null
),

server_pairs as (
    select median(server.measured_joules_per_sample / offline.measured_joules_per_sample) as measured_ratio
    from measured as server
    inner join measured as offline
        on
            server.system_name = offline.system_name and server.round_label = offline.round_label
            and server.benchmark = offline.benchmark and server.compute_format = offline.compute_format
            and server.scenario = 'server' and offline.scenario = 'offline'
),

format_pairs as (
    select median(fp16.measured_joules_per_sample / int8.measured_joules_per_sample) as measured_ratio
    from measured as fp16
    inner join measured as int8
        on
            fp16.system_name = int8.system_name and fp16.round_label = int8.round_label
            and fp16.scenario = int8.scenario and fp16.benchmark = 'bert_large' and int8.benchmark = 'bert_large'
            and fp16.compute_format = 'fp16' and int8.compute_format = 'int8'
),

system_pairs as (
    select
        fewer.system_name as fewer_system,
        more.system_name as more_system,
        median(fewer.measured_joules_per_sample / more.measured_joules_per_sample) as measured_ratio
    from measured as fewer
    inner join measured as more
        on
            fewer.gpu_id = more.gpu_id and fewer.round_label = more.round_label
            and fewer.power_mode = more.power_mode and fewer.benchmark = more.benchmark
            and fewer.scenario = more.scenario and fewer.compute_format = more.compute_format
            and fewer.n_accelerators < more.n_accelerators
    group by fewer.system_name, more.system_name
),

count_pairs as (
    {# each pair of systems is one comparison, however many benchmarks it ran #}
    select median(measured_ratio) as measured_ratio from system_pairs
),

predicted_server as (
    select
        server.gpu_id,
        server.precision,
        server.benchmark,
        server.n_accelerators,
        server.power_mode,
        server.predicted_joules_per_sample / offline.predicted_joules_per_sample as predicted_ratio
    from predictions as server
    inner join predictions as offline
        on
            server.gpu_id = offline.gpu_id and server.precision = offline.precision
            and server.benchmark = offline.benchmark and server.n_accelerators = offline.n_accelerators
            and server.power_mode = offline.power_mode
            and server.scenario = 'server' and offline.scenario = 'offline'
),

predicted_format as (
    select
        fp16.gpu_id,
        fp16.scenario,
        fp16.n_accelerators,
        fp16.power_mode,
        fp16.predicted_joules_per_sample / int8.predicted_joules_per_sample as predicted_ratio
    from predictions as fp16
    inner join predictions as int8
        on
            fp16.gpu_id = int8.gpu_id and fp16.scenario = int8.scenario and fp16.benchmark = int8.benchmark
            and fp16.n_accelerators = int8.n_accelerators and fp16.power_mode = int8.power_mode
            and fp16.benchmark = 'bert_large' and fp16.precision = 'fp16' and int8.precision = 'int8'
),

predicted_count as (
    select
        one.gpu_id,
        one.precision,
        one.benchmark,
        one.scenario,
        one.power_mode,
        one.predicted_joules_per_sample / eight.predicted_joules_per_sample as predicted_ratio
    from predictions as one
    inner join predictions as eight
        on
            one.gpu_id = eight.gpu_id and one.precision = eight.precision and one.benchmark = eight.benchmark
            and one.scenario = eight.scenario and one.power_mode = eight.power_mode
            and one.n_accelerators = 1 and eight.n_accelerators = 8
),

final as (
    select
        'server vs offline: measured ratio ' || round(server_pairs.measured_ratio, 3) || ', predicted '
        || round(predicted_server.predicted_ratio, 3) || ' on ' || predicted_server.gpu_id as failure_message
    from predicted_server
    cross join server_pairs
    where (server_pairs.measured_ratio > 1) <> (predicted_server.predicted_ratio > 1)
    union all
    select
        'bert fp16 vs int8: measured ratio ' || round(format_pairs.measured_ratio, 3) || ', predicted '
        || round(predicted_format.predicted_ratio, 3) || ' on ' || predicted_format.gpu_id as failure_message
    from predicted_format
    cross join format_pairs
    where (format_pairs.measured_ratio > 1) <> (predicted_format.predicted_ratio > 1)
    union all
    select
        '1 vs 8 accelerators: measured ratio fewer / more ' || round(count_pairs.measured_ratio, 3)
        || ', predicted 1 / 8 ' || round(predicted_count.predicted_ratio, 3) || ' on ' || predicted_count.gpu_id as failure_message
    from predicted_count
    cross join count_pairs
    where (count_pairs.measured_ratio > 1) <> (predicted_count.predicted_ratio > 1)
)

select * from final
{% endset %}
{{ failing_rows(
    'measured-system predictions move the way the measurements move (scenario, compute format, accelerator count)',
    failures
) }}
