{#
    Pareto optimality within a domain: a model is on the frontier when no other
    model of the same domain is at least as good (performance_score >=) and at
    least as cheap (cost <=), and strictly better in one of the two. Models
    without a score or a cost are not candidates.

    Computed in n log n, not by comparing every pair (a correlated `not exists`
    was O(n^2) per domain, 4.5 GB on 10 k models): a model of score p and cost c
    is dominated iff some model cheaper than c scores >= p, or some model of
    cost c scores > p. pareto_cost_levels gives, per domain and cost, the best
    score at that cost and the best at any lower cost (a running maximum over
    the sorted costs); is_pareto_optimal judges a row joined to its level.
#}
{% macro pareto_cost_levels(relation, cost_column, partition_by=['domain']) -%}
    {#- partition_by: the columns a frontier is drawn within (a domain; and a trend dataset) -#}
    {%- set groups = partition_by | join(', ') -%}
    select
        {{ groups }},
        cost,
        best_score_at_cost,
        max(best_score_at_cost) over (
            partition by {{ groups }} order by cost
            rows between unbounded preceding and 1 preceding
        ) as best_score_at_lower_cost
    from (
        select
            {{ groups }},
            {{ cost_column }} as cost,
            max(performance_score) as best_score_at_cost
        from {{ relation }}
        where performance_score is not null and {{ cost_column }} is not null
        group by {{ groups }}, {{ cost_column }}
    ) as costs
{%- endmacro %}

{% macro is_pareto_optimal(alias, levels_alias) -%}
    coalesce(
        {{ alias }}.performance_score = {{ levels_alias }}.best_score_at_cost
        and (
            {{ levels_alias }}.best_score_at_lower_cost is null
            or {{ levels_alias }}.best_score_at_lower_cost < {{ alias }}.performance_score
        ),
        false
    )
{%- endmacro %}
