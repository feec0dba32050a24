{#
    Domain rule of Appendices E and F: measured mixed-precision and TF32
    throughput exists only for the GPUs benchmarked in NVIDIA NGC (var
    mixed_precision_gpu_ids: V100, A100, T4). Works on raw seeds and on
    staging or marts alike, because gpu_id() and canonical_precision() are
    idempotent on canonical values (canonical_precision with accept_canonical).
#}
{% test mixed_precision_gpus(model, gpu_column, precision_column) %}
    {% set allowed = var('mixed_precision_gpu_ids') %}
    {% set measured = var('mixed_precision_labels') %}
    {% set failures %}
        select
            {{ row_label(model) }} || ': precision ''' || {{ precision_column }}
            || ''' on GPU ''' || {{ gpu_column }} || ''' (gpu_id '
            || {{ gpu_id(gpu_column) }} || ')' as failure_message
        from {{ model }}
        where {{ canonical_precision(precision_column, accept_canonical=true) }} in ({{ sql_list(measured) }})
            and {{ gpu_id(gpu_column) }} not in ({{ sql_list(allowed) }})
    {% endset %}
    {{ failing_rows('mixed-precision and TF32 rows only for ' ~ allowed | join(', '), failures) }}
{% endtest %}
