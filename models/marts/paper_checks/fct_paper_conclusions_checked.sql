{#
    The verdict table: each headline claim of the paper with the paper-era
    value and its refit over 2012-2025 data, 95 % intervals, and a computed
    verdict (holds / weakened / reversed / inconclusive / not_tested /
    follows_from_another) with the reason. Values are annual
    growth factors (10 ** slope); rules in int_paper_conclusions_checked.
#}
with checked as (
    select * from {{ ref('int_paper_conclusions_checked') }}
),

final as (
    select
        cast(claim_id as varchar) as claim_id,
        cast(claim as varchar) as claim,
        cast(paper_reference as varchar) as paper_reference,
        cast(claim_kind as varchar) as claim_kind,
        cast(trend_id as varchar) as trend_id,
        cast(compared_trend_id as varchar) as compared_trend_id,
        cast(paper_n_points as integer) as paper_n_points,
        cast(paper_first_date as date) as paper_first_date,
        cast(paper_last_date as date) as paper_last_date,
        cast(pow(10, paper_slope) as double) as paper_annual_growth_factor,
        cast(pow(10, paper_slope_ci95_low) as double) as paper_annual_growth_factor_ci95_low,
        cast(pow(10, paper_slope_ci95_high) as double) as paper_annual_growth_factor_ci95_high,
        cast(extended_trend_id as varchar) as extended_trend_id,
        cast(extended_n_points as integer) as extended_n_points,
        cast(extended_first_date as date) as extended_first_date,
        cast(extended_last_date as date) as extended_last_date,
        cast(pow(10, extended_slope) as double) as extended_annual_growth_factor,
        cast(pow(10, extended_slope_ci95_low) as double) as extended_annual_growth_factor_ci95_low,
        cast(pow(10, extended_slope_ci95_high) as double) as extended_annual_growth_factor_ci95_high,
        cast(pow(10, paper_gap) as double) as paper_growth_ratio_to_compared,
        cast(pow(10, extended_gap) as double) as extended_growth_ratio_to_compared,
        cast(number_format as varchar) as number_format,
        cast(cutting_edge_rule as varchar) as cutting_edge_rule,
        cast(follows_from_claim_id as varchar) as follows_from_claim_id,
        cast(verdict as varchar) as verdict,
        cast(verdict_reason as varchar) as verdict_reason
    from checked
)

select * from final
