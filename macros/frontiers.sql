{#
    Pareto optimality within a domain: a model is on the frontier when no other
    model of the same domain is at least as good (performance_score >=) and at
    least as cheap (cost <=), and strictly better in one of the two. Models
    without a score or a cost are not candidates. `relation` is a CTE or table
    with domain, model_id, performance_score and the cost column.
#}
{% macro is_pareto_optimal(relation, alias, cost_column) -%}
    (
        {{ alias }}.performance_score is not null
        and {{ alias }}.{{ cost_column }} is not null
        and not exists (
            select 1
            from {{ relation }} as dominating
            where
                dominating.domain = {{ alias }}.domain
                and dominating.model_id <> {{ alias }}.model_id
                and dominating.performance_score >= {{ alias }}.performance_score
                and dominating.{{ cost_column }} <= {{ alias }}.{{ cost_column }}
                and (
                    dominating.performance_score > {{ alias }}.performance_score
                    or dominating.{{ cost_column }} < {{ alias }}.{{ cost_column }}
                )
        )
    )
{%- endmacro %}
