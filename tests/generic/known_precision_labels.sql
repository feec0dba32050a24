{#
    Precision labels must map to a canonical label through macro
    canonical_precision, in the vocabulary of the table ('paper' or
    'datasheet').
#}
{% test known_precision_labels(model, column_name, vocabulary='paper') %}
    {% set known = {
        'paper': 'FP32, FP16, FP16/FP32 Tensor, TF32, Mixed',
        'datasheet': 'fp32, tf32_tensor, fp16_tensor, fp16_tensor_fp16acc, bf16_tensor, fp8_tensor, int8_tensor'
    } %}
    {% set failures %}
        select
            {{ row_label(model) }} || ': unknown precision label ''' || {{ column_name }}
            || ''' (known: {{ known[vocabulary] }})' as failure_message
        from {{ model }}
        where {{ canonical_precision(column_name, vocabulary=vocabulary) }} is null
    {% endset %}
    {{ failing_rows('precision label must be known', failures) }}
{% endtest %}
