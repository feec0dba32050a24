{#
    on-run-end: the paper's method as DuckDB macros persisted in the warehouse
    file, for SQL users without dbt (DuckDB CLI, Python, BI SQL editors):

        select marts.gpu_efficiency_at(date '2015-12-10', 'cv');
        select marts.joules_per_inference(7.6, date '2015-12-10', 'cv');

    Both read the paper's efficiency fit of the domain ('cv' or 'nlp') from
    marts.fct_trend_fits and return a struct: the value, its mean_ci95 and
    pred95 bounds, and is_extrapolated (the date lies outside the fit's GPU
    launch dates, 2010-11 to 2020-09). The SQL is generated from the same dbt
    macros as the marts (trend_value_at, joules_per_inference), so the numbers
    are the marts' (tested against fct_inference_energy). Null for another
    domain. Skipped when a selection build did not build fct_trend_fits.
#}
{% macro create_paper_method_macros() %}
    {% if execute %}
        {% set fits = adapter.get_relation(database=target.database, schema='marts', identifier='fct_trend_fits') %}
        {% if fits is not none %}
            {% set fit_rows %}
                (select * from {{ fits.include(database=false) }}
                 where quantity = 'gpu_efficiency' and domain = domain_value and dataset = 'paper')
            {% endset %}
            {% set efficiency %}
                create or replace macro marts.gpu_efficiency_at(date_value, domain_value) as (
                    select {
                        'gflops_per_watt': {{ trend_value_at('fit', 'date_value') }},
                        'mean_ci95_low': {{ trend_value_at('fit', 'date_value', 'low') }},
                        'mean_ci95_high': {{ trend_value_at('fit', 'date_value', 'high') }},
                        'pred95_low': {{ trend_value_at('fit', 'date_value', 'pred_low') }},
                        'pred95_high': {{ trend_value_at('fit', 'date_value', 'pred_high') }},
                        'is_extrapolated': date_value not between fit.first_date and fit.last_date
                    }
                    from {{ fit_rows }} as fit
                )
            {% endset %}
            {% set energy %}
                create or replace macro marts.joules_per_inference(gflops, date_value, domain_value) as (
                    select {
                        'joules_per_inference': {{ joules_per_inference('gflops', 'fit', 'date_value') }},
                        'mean_ci95_low': {{ joules_per_inference('gflops', 'fit', 'date_value', 'low') }},
                        'mean_ci95_high': {{ joules_per_inference('gflops', 'fit', 'date_value', 'high') }},
                        'pred95_low': {{ joules_per_inference('gflops', 'fit', 'date_value', 'pred_low') }},
                        'pred95_high': {{ joules_per_inference('gflops', 'fit', 'date_value', 'pred_high') }},
                        'gflops_per_watt': {{ trend_value_at('fit', 'date_value') }},
                        'is_extrapolated': date_value not between fit.first_date and fit.last_date
                    }
                    from {{ fit_rows }} as fit
                )
            {% endset %}
            {% do run_query(efficiency) %}
            {% do run_query(energy) %}
        {% endif %}
    {% endif %}
{% endmacro %}
