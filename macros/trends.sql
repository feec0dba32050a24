{#
    Read a fitted log-linear trend (a row of fct_trend_fits, joined as `fit`)
    at a date: the expected value, or the bound of its confidence interval for
    the mean response (bound = 'fitted', 'low' or 'high'; 95 % by default, the
    fit's confidence_level). Same encoding as src/inference_energy/science/trend_fits.py: years of
    365.25 days since the fit's reference_date.

        select {{ trend_value_at('fit', 'models.release_date') }} as gflops_per_watt
        from models inner join fct_trend_fits as fit on fit.trend_id = 'gpu_efficiency_cv'
#}
{% macro trend_years(fit, date_sql) -%}
    (date_diff('day', {{ fit }}.reference_date, {{ date_sql }}) / 365.25)
{%- endmacro %}

{% macro trend_value_at(fit, date_sql, bound='fitted') -%}
    {#
        'low' / 'high': the confidence interval of the fitted mean (mean_ci95);
        'pred_low' / 'pred_high': the prediction interval of one new point
        (pred95), the same with the residual variance of a single case added.
    #}
    {%- if bound not in ['fitted', 'low', 'high', 'pred_low', 'pred_high'] -%}
        {{ exceptions.raise_compiler_error("trend_value_at: bound must be 'fitted', 'low', 'high', 'pred_low' or 'pred_high', got " ~ bound) }}
    {%- endif -%}
    pow(
        10,
        {{ fit }}.intercept_log10 + {{ fit }}.slope_log10_per_year * {{ trend_years(fit, date_sql) }}
        {%- if bound != 'fitted' %}
            {{ '-' if bound in ['low', 'pred_low'] else '+' }} {{ fit }}.t_critical * {{ fit }}.residual_std_error * sqrt(
                {{ '1.0 + ' if bound.startswith('pred') else '' }}1.0 / {{ fit }}.n_points
                + pow({{ trend_years(fit, date_sql) }} - {{ fit }}.x_mean_years, 2) / {{ fit }}.x_sum_squares
            )
        {%- endif %}
    )
{%- endmacro %}

{#
    Eq. (2) of the paper: Joules per inference = GFLOPs / GFLOPS per Watt of the
    efficiency fit read at a date. bound = 'low' / 'high' gives the bounds of the
    95 % interval of the fitted mean, 'pred_low' / 'pred_high' those of the
    prediction interval, each from the opposite bound of the efficiency (more
    GFLOPS/W, fewer Joules). The one home of the formula.
#}
{% macro joules_per_inference(gflops_sql, fit, date_sql, bound='fitted') -%}
    {%- set efficiency_bound = {
        'fitted': 'fitted', 'low': 'high', 'high': 'low', 'pred_low': 'pred_high', 'pred_high': 'pred_low'
    }.get(bound) -%}
    {%- if efficiency_bound is none -%}
        {{ exceptions.raise_compiler_error("joules_per_inference: bound must be 'fitted', 'low', 'high', 'pred_low' or 'pred_high', got " ~ bound) }}
    {%- endif -%}
    ({{ gflops_sql }} / {{ trend_value_at(fit, date_sql, efficiency_bound) }})
{%- endmacro %}

{#
    The cutting edge of a domain, the one home of this rule (int_models_flagged
    in each trend dataset): the most
    accurate model of each year for CV (Figs. 3, 9); for NLP, and for decoder
    LLMs, the models most demanding when released (Fig. 6), since the NLP
    models with a GLUE score span only 2018 and 2020, too few for a
    best-of-year fit. cutting_edge_rule(domain) names the rule;
    is_cutting_edge(...) picks the flag it means.
#}
{% macro cutting_edge_rule(domain_sql) -%}
    case {{ domain_sql }}
        when 'cv' then 'best_of_year'
        when 'nlp' then 'most_demanding'
        when 'llm' then 'most_demanding'
    end
{%- endmacro %}

{% macro is_cutting_edge(domain_sql, best_of_year_sql, most_demanding_sql) -%}
    case {{ cutting_edge_rule(domain_sql) }}
        when 'best_of_year' then coalesce({{ best_of_year_sql }}, false)
        when 'most_demanding' then coalesce({{ most_demanding_sql }}, false)
    end
{%- endmacro %}

{#
    A trend's key is data (seed trend_definitions), never text built in SQL:
    a trend is its quantity, domain, subset, number format and dataset, and its
    trend_id is read from the definition that has them. This is the join
    condition of a row carrying those five columns with a definition (a column
    that is null on both sides matches).

        left join definitions on {{ trend_key_matches('points', 'definitions') }}
#}
{% macro trend_key_matches(row, definition) -%}
    {%- for column in ['quantity', 'domain', 'subset', 'number_format', 'dataset'] -%}
        {{ row }}.{{ column }} is not distinct from {{ definition }}.{{ column }}{{ ' and ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{#
    The efficiency fit of a domain, joined by its structured key: the trend
    definition (quantity gpu_efficiency, the domain, the trend dataset) and
    then the fit row, as `alias` (read with trend_value_at). `definitions` and
    `fits` are the model's import CTEs of stg_project__trend_definitions and of
    the fits. One home of this lookup for every model that prices by Eq. (2).

        {{ join_efficiency_fit('definitions', 'fits', 'fit', 'models.domain') }}
#}
{% macro join_efficiency_fit(definitions, fits, alias, domain_sql, dataset='paper', condition='') -%}
    left join {{ definitions }} as {{ alias }}_trend
        on
            {{ alias }}_trend.quantity = 'gpu_efficiency'
            and {{ domain_sql }} = {{ alias }}_trend.domain
            and {{ alias }}_trend.dataset = '{{ dataset }}'
            {%- if condition %}
            and {{ condition }}
            {%- endif %}
    left join {{ fits }} as {{ alias }} on {{ alias }}_trend.trend_id = {{ alias }}.trend_id
{%- endmacro %}

{#
    Eq. (2) with both its intervals, as five columns named after `name`: the
    value, <name>_mean_ci95_low / _high (the fitted mean efficiency) and
    <name>_pred95_low / _high (one new GPU). One home of this column set for
    every model that prices by Eq. (2).

        {{ joules_with_intervals('models.gflops', 'fit', 'models.release_date', 'joules_per_inference') }}
#}
{% macro joules_with_intervals(gflops_sql, fit, date_sql, name) -%}
    {{ joules_per_inference(gflops_sql, fit, date_sql) }} as {{ name }},
    {{ joules_per_inference(gflops_sql, fit, date_sql, 'low') }} as {{ name }}_mean_ci95_low,
    {{ joules_per_inference(gflops_sql, fit, date_sql, 'high') }} as {{ name }}_mean_ci95_high,
    {{ joules_per_inference(gflops_sql, fit, date_sql, 'pred_low') }} as {{ name }}_pred95_low,
    {{ joules_per_inference(gflops_sql, fit, date_sql, 'pred_high') }} as {{ name }}_pred95_high
{%- endmacro %}
