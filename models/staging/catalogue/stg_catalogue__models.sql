{#
    The user's catalogue (source catalogue.models), one row per line of the file,
    with its line number (the header is line 1) and every expected column present:
    a column the file lacks is null. Values stay as text here; the checks and the
    casts are in int_catalogue_models_validated, so a bad value is reported with
    its line, never dropped or coerced.
#}
with source as (
    select * from {{ source('catalogue', 'models') }}
),

numbered as (
    select
        *,
        row_number() over () + 1 as line_number
    from source
),

{# union by name adds the expected columns the file lacks, as nulls (named as in the file, keywords included) #}
with_every_column as (
    select * from numbered
    union all by name
    select
        cast(null as varchar) as name,  -- noqa: RF04
        cast(null as varchar) as gflops,
        cast(null as varchar) as params_millions,
        cast(null as varchar) as input_tokens,
        cast(null as varchar) as date,  -- noqa: RF04
        cast(null as varchar) as domain,
        cast(null as varchar) as gpu_id,
        cast(null as varchar) as precision,
        cast(null as varchar) as scenario,
        cast(null as varchar) as inferences_per_day,
        cast(null as varchar) as active_params_millions,
        cast(null as varchar) as output_tokens,
        cast(null as varchar) as region,
        cast(null as varchar) as flops_convention,
        cast(null as bigint) as line_number
    where false
),

final as (
    select
        line_number,
        nullif(trim(cast(name as varchar)), '') as model_name,
        nullif(trim(cast(gflops as varchar)), '') as gflops_text,
        nullif(trim(cast(params_millions as varchar)), '') as params_millions_text,
        nullif(trim(cast(input_tokens as varchar)), '') as input_tokens_text,
        nullif(trim(cast(date as varchar)), '') as release_date_text,
        lower(nullif(trim(cast(domain as varchar)), '')) as domain,
        lower(nullif(trim(cast(gpu_id as varchar)), '')) as gpu_id,
        lower(nullif(trim(cast(precision as varchar)), '')) as precision,
        lower(nullif(trim(cast(scenario as varchar)), '')) as scenario,
        nullif(trim(cast(inferences_per_day as varchar)), '') as inferences_per_day_text,
        nullif(trim(cast(active_params_millions as varchar)), '') as active_params_millions_text,
        nullif(trim(cast(output_tokens as varchar)), '') as output_tokens_text,
        {# as written: a region is matched without regard to case in int_catalogue_models_validated #}
        nullif(trim(cast(region as varchar)), '') as region_code,
        lower(nullif(trim(cast(flops_convention as varchar)), '')) as flops_convention
    from with_every_column
)

select * from final
