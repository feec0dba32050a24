{# Precision labels must map to a canonical label through macro canonical_precision. #}
{% test known_precision_labels(model, column_name) %}
    {% set failures %}
        select
            {{ row_label(model) }} || ': unknown precision label ''' || {{ column_name }}
            || ''' (known: FP32, FP16, FP16/FP32 Tensor, TF32, Mixed)' as failure_message
        from {{ model }}
        where {{ canonical_precision(column_name) }} is null
    {% endset %}
    {{ failing_rows('precision label must be known', failures) }}
{% endtest %}
