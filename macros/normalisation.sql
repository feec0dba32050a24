{#
    Canonical forms shared by every staging model, so that tables from different
    appendices of the paper join on the same keys.
#}

{#
    gpu_id: one key per physical GPU model, whatever the table calls it.
    "Tesla V100", "V100 16GB" and "V100" -> v100; "GeForce RTX 2080 Ti",
    "Nvidia RTX 2080 Ti" and "RTX 2080 Ti" -> rtx_2080_ti. Brand words
    (Nvidia, Tesla, GeForce) and the memory variant are dropped; the memory
    variant is kept separately by gpu_memory_gb().
#}
{% macro gpu_id(name_sql) -%}
    trim(
        regexp_replace(
            regexp_replace(
                regexp_replace(lower(trim({{ name_sql }})), '\b(nvidia|tesla|geforce)\b|\b\d+\s*gb\b', '', 'g'),
                '[^a-z0-9]+', '_', 'g'
            ),
            '^_+|_+$', '', 'g'
        )
    )
{%- endmacro %}

{% macro gpu_memory_gb(name_sql) -%}
    try_cast(nullif(regexp_extract(lower({{ name_sql }}), '\b(\d+)\s*gb\b', 1), '') as integer)
{%- endmacro %}

{#
    Precision labels exactly as printed -> canonical labels. Nothing is guessed:
    any other spelling returns null, and the seed test known_precision_labels
    fails naming the row. Two vocabularies, one canonical set (seed
    project/precisions says what each canonical label means):
      vocabulary='paper'      Tables J.8, J.9, E.3: 'FP32', 'FP16' (vector FP16),
                              'FP16/FP32 Tensor', and the measured 'TF32' / 'Mixed'.
      vocabulary='datasheet'  the extension's dense datasheet peaks: 'fp32',
                              'tf32_tensor', 'fp16_tensor' (FP32 accumulate, as J.8's
                              'FP16/FP32 Tensor'), 'fp16_tensor_fp16acc', 'bf16_tensor',
                              'fp8_tensor', 'int8_tensor'. A datasheet TF32 peak is
                              'tf32_tensor', never the measured 'tf32' of Appendix E.
    accept_canonical=true also maps canonical labels to themselves, for rules
    that run on staging or marts (test mixed_precision_gpus).
#}
{% macro canonical_precision(label_sql, accept_canonical=false, vocabulary='paper') -%}
    {%- set vocabularies = {
        'paper': {'FP32': 'fp32', 'FP16': 'fp16', 'FP16/FP32 Tensor': 'fp16_fp32_tensor', 'TF32': 'tf32', 'Mixed': 'mixed'},
        'datasheet': {
            'fp32': 'fp32', 'tf32_tensor': 'tf32_tensor', 'fp16_tensor': 'fp16_fp32_tensor',
            'fp16_tensor_fp16acc': 'fp16_fp16_tensor', 'bf16_tensor': 'bf16_tensor',
            'fp8_tensor': 'fp8_tensor', 'int8_tensor': 'int8_tensor'
        }
    } -%}
    {%- if vocabulary not in vocabularies -%}
        {{ exceptions.raise_compiler_error("canonical_precision: unknown vocabulary " ~ vocabulary) }}
    {%- endif -%}
    {%- set canonical = [] -%}
    {%- for mapping in vocabularies.values() -%}
        {%- for label in mapping.values() if label not in canonical -%}{%- do canonical.append(label) -%}{%- endfor -%}
    {%- endfor -%}
    case {{ label_sql }}
        {%- for printed, label in vocabularies[vocabulary].items() %}
            when {{ sql_string(printed) }} then {{ sql_string(label) }}
        {%- endfor %}
        {%- if accept_canonical %}
            {%- for label in canonical if label not in vocabularies[vocabulary] %}
                when {{ sql_string(label) }} then {{ sql_string(label) }}
            {%- endfor %}
        {%- endif %}
    end
{%- endmacro %}

{#
    FLOPs convention (Appendix A): the paper counts a multiply-add as 2 FLOPs.
    Sources that report multiply-adds (most CV papers) are doubled here, once.
    Unknown conventions return null and are caught by the seed tests.
#}
{% macro gflops_from_reported(value_sql, convention_sql) -%}
    case lower(trim({{ convention_sql }}))
        when 'flops' then {{ value_sql }}
        when 'multiply_adds' then 2 * {{ value_sql }}
    end
{%- endmacro %}

{# Strict ISO date: anything but YYYY-MM-DD (a real calendar date) is null. #}
{% macro iso_date(value_sql) -%}
    case
        when regexp_full_match(trim({{ value_sql }}), '\d{4}-\d{2}-\d{2}')
            then try_cast(trim({{ value_sql }}) as date)
    end
{%- endmacro %}

{# Text "true"/"false" -> boolean; anything else is null (caught by seed_columns). #}
{% macro text_boolean(value_sql) -%}
    case lower(trim({{ value_sql }})) when 'true' then true when 'false' then false end
{%- endmacro %}

{#
    Cast a text seed value; an empty string is a missing value. Values were
    already checked against their declared type by the seed test
    `seed_columns`, so the cast cannot fail on data that passed it.
#}
{% macro typed(column_sql, data_type) -%}
    cast(nullif(trim({{ column_sql }}), '') as {{ data_type }})
{%- endmacro %}

{# Unit conversions, used once in staging (never in marts or plots). #}
{% macro joules_per_unit(unit_sql) -%}
    case {{ unit_sql }}
        when 'J' then 1.0
        {# thermochemical kilocalorie, the food-energy kcal #}
        when 'kcal' then 4184.0
        when 'kWh' then 3600000.0
    end
{%- endmacro %}

{% macro seconds_per_period(period_sql) -%}
    case {{ period_sql }}
        when 'second' then 1.0
        when 'day' then 86400.0
        {# a 365-day year, as a per-capita annual statistic implies #}
        when 'year' then 365.0 * 86400.0
    end
{%- endmacro %}

{#
    Decimals a number is printed with in its text seed ('0.040' -> 3, '15.70' -> 2,
    '37.4' -> 1, '124' -> 0): the precision "equal within rounding" checks allow.
#}
{% macro printed_decimals(value_sql) -%}
    cast(length(split_part(trim({{ value_sql }}), '.', 2)) as integer)
{%- endmacro %}

{# GFLOPS per Watt from peak TFLOPS and TDP Watts (Tables J.8, J.9): the one place this formula lives. #}
{% macro gflops_per_watt(tflops_sql, watts_sql) -%}
    ({{ tflops_sql }} * 1000.0 / {{ watts_sql }})
{%- endmacro %}

{# A lowercase key from a printed name: runs of other characters become one underscore. #}
{% macro slug(name_sql) -%}
    trim(regexp_replace(lower(trim({{ name_sql }})), '[^a-z0-9]+', '_', 'g'), '_')
{%- endmacro %}
