{# Appendix H estimation recipes, typed. #}
with source as (
    select * from {{ ref('flops_estimation_inputs') }}
),

typed as (
    select
        trim(estimated_model_id) as estimated_model_id,
        trim(method) as method,
        nullif(trim(base_model_id), '') as base_model_id,
        {{ typed('base_vit_resolution_px', 'integer') }} as base_vit_resolution_px,
        nullif(trim(base_scaling_spec), '') as base_scaling_spec,
        nullif(trim(target_scaling_spec), '') as target_scaling_spec,
        {{ typed('base_resolution_px', 'integer') }} as base_resolution_px,
        {{ typed('target_resolution_px', 'integer') }} as target_resolution_px,
        nullif(trim(same_estimate_as), '') as same_estimate_as,
        {{ typed('printed_estimate_gflops', 'double') }} as printed_estimate_gflops,
        {# half a unit of the last significant printed digit: '1040' -> 5, '1.6' -> 0.05 #}
        case
            when contains(trim(printed_estimate_gflops), '.')
                then 0.5 * pow(10, -{{ printed_decimals('printed_estimate_gflops') }})
            else 0.5 * pow(
                10,
                length(trim(printed_estimate_gflops)) - length(rtrim(trim(printed_estimate_gflops), '0'))
            )
        end as printed_half_unit_gflops,
        nullif(trim(source_note), '') as source_note
    from source
)

select * from typed
