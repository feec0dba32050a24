{#
    The footprint of an inference, the one home of its formulas: Joules at the
    IT equipment times the data centre's PUE is the energy at the facility's
    meter, in Wh (3,600 J each); times the grid's carbon intensity (gCO2e per
    kWh) is its emissions. Rendered by int_inference_footprint,
    int_usage_scenarios_priced and the persisted macro inference_footprint.
#}
{% macro footprint_wh(joules_sql, pue_sql) -%}
    (({{ joules_sql }}) * ({{ pue_sql }}) / 3600.0)
{%- endmacro %}

{% macro footprint_gco2e(joules_sql, pue_sql, intensity_sql) -%}
    ({{ footprint_wh(joules_sql, pue_sql) }} / 1000.0 * ({{ intensity_sql }}))
{%- endmacro %}

{#
    on-run-end: persist the footprint as a DuckDB macro:

        select marts.inference_footprint(0.2119, 'FRA')                 -- default PUE
        select marts.inference_footprint(0.2119, 'gcp:europe-west1', 1.1)
        select marts.inference_footprint(0.2119, 'USA', price_per_kwh := 0.0892)
        -- {'wh': ..., 'gco2e': ..., 'carbon_intensity_gco2e_per_kwh': ..., 'pue': ...,
        --  'intensity_source': ..., 'electricity_cost': ..., 'currency': ...}

    joules: energy of one inference at the IT equipment; region: a region_code
    of marts.dim_grid_regions (ISO alpha-3 country or provider:region); pue
    (optional, >= 1): the facility's, by default the industry average of var
    footprint_pue_year; price_per_kwh (optional, >= 0): the electricity price in
    var electricity_price_currency, by default var electricity_price_per_kwh
    (null: no cost is priced, prices are never defaulted). An unknown region, a
    PUE below 1 or a negative price is an error naming it, never a fallback.
    Skipped when the marts it reads are not in the file.
#}
{% macro create_inference_footprint_macro() %}
    {% if execute %}
        {% set regions = adapter.get_relation(database=target.database, schema='marts', identifier='dim_grid_regions') %}
        {% set pue = adapter.get_relation(database=target.database, schema='marts', identifier='dim_data_centre_pue') %}
        {% if regions is not none and pue is not none %}
            {% set sql %}
                create or replace macro marts.inference_footprint(
                    joules, region_code_value, pue_value := null, price_per_kwh := null
                ) as (
                    with chosen as (
                        select coalesce(
                            pue_value, (select pue from {{ pue.include(database=false) }} where is_default)
                        ) as pue,
                        coalesce(
                            price_per_kwh, {{ var('electricity_price_per_kwh') if var('electricity_price_per_kwh') is not none else 'null' }}
                        )::double as price
                    ),

                    region as (
                        select any_value(carbon_intensity_gco2e_per_kwh) as intensity,
                            any_value(intensity_source) as intensity_source, count(*) as n
                        from {{ regions.include(database=false) }}
                        where region_code = region_code_value
                    )

                    select case
                        when region.n = 0 then error('inference_footprint: unknown region ' || coalesce(region_code_value, 'null')
                            || ' (a region_code of marts.dim_grid_regions)')
                        when chosen.pue < 1 then error('inference_footprint: a PUE below 1 (' || chosen.pue || ') is impossible')
                        when chosen.price < 0 then error('inference_footprint: a negative electricity price (' || chosen.price || ') is impossible')
                        else {
                            'wh': {{ footprint_wh('joules', 'chosen.pue') }},
                            'gco2e': {{ footprint_gco2e('joules', 'chosen.pue', 'region.intensity') }},
                            'carbon_intensity_gco2e_per_kwh': region.intensity,
                            'pue': chosen.pue,
                            'intensity_source': region.intensity_source,
                            'electricity_cost': {{ footprint_wh('joules', 'chosen.pue') }} / 1000.0 * chosen.price,
                            'currency': '{{ var('electricity_price_currency') }}'
                        }
                    end
                    from chosen, region
                )
            {% endset %}
            {% do run_query(sql) %}
        {% endif %}
    {% endif %}
{% endmacro %}
