{#
    Each headline claim of the paper (seed paper_claims) read from the paper's
    fit and from its refit over 2012-2025 data ('__extended'), with a verdict
    computed from the slopes and their 95 % intervals (log10 units per year):
    - not_tested: the refit has no point after the paper's last one (nothing
      new to test the claim on).
    - follows_from_another: the claim restates another algebraically (seed
      follows_from_claim_id); it is marked, not verdicted a second time.
    - grows: holds while the refit's slope interval stays above 0 and its slope
      is not below the paper's interval; weakened when it is significantly
      positive but below that; inconclusive when its interval contains 0 (too
      wide to tell growth from none); reversed when it lies below 0.
    - flat: holds while the refit's interval lies inside the equivalence margin
      (+- log10 of var flat_equivalence_factor_per_year); reversed when it
      excludes 0 (significant growth or decline); inconclusive otherwise.
    - slower_than: the gap (slope of compared_trend_id minus slope of
      trend_id) holds while at least half the paper's gap, is weakened when
      positive but smaller, reversed when 0 or negative.
#}
with claims as (
    select * from {{ ref('stg_project__paper_claims') }}
),

fits as (
    select * from {{ ref('int_trend_fits_unioned') }}
),

joined as (
    select
        claims.*,
        paper.slope_log10_per_year as paper_slope,
        paper.slope_ci95_low as paper_slope_ci95_low,
        paper.slope_ci95_high as paper_slope_ci95_high,
        paper.first_date as paper_first_date,
        paper.last_date as paper_last_date,
        paper.n_points as paper_n_points,
        refit.trend_id as extended_trend_id,
        refit.slope_log10_per_year as extended_slope,
        refit.slope_ci95_low as extended_slope_ci95_low,
        refit.slope_ci95_high as extended_slope_ci95_high,
        refit.first_date as extended_first_date,
        refit.last_date as extended_last_date,
        refit.n_points as extended_n_points,
        paper_compared.slope_log10_per_year - paper.slope_log10_per_year as paper_gap,
        refit_compared.slope_log10_per_year - refit.slope_log10_per_year as extended_gap
    from claims
    inner join fits as paper on claims.trend_id = paper.trend_id
    {# a claim's refit is the trend that extends the paper's (seed trend_definitions.extends_trend_id) #}
    inner join fits as refit on claims.trend_id = refit.extends_trend_id and refit.dataset = 'paper_and_extension'
    left join fits as paper_compared on claims.compared_trend_id = paper_compared.trend_id
    left join fits as refit_compared
        on claims.compared_trend_id = refit_compared.extends_trend_id and refit_compared.dataset = 'paper_and_extension'
),

judged as (
    select
        *,
        case
            when follows_from_claim_id is not null then 'follows_from_another'
            when extended_last_date <= paper_last_date then 'not_tested'
            when claim_kind = 'grows'
                then
                    case
                        when extended_slope_ci95_high < 0 then 'reversed'
                        when extended_slope_ci95_low <= 0 then 'inconclusive'
                        when extended_slope >= paper_slope_ci95_low then 'holds'
                        else 'weakened'
                    end
            when claim_kind = 'flat'
                then
                    case
                        when extended_slope_ci95_low > 0 or extended_slope_ci95_high < 0 then 'reversed'
                        when
                            extended_slope_ci95_low >= -log10({{ var('flat_equivalence_factor_per_year') }})
                            and extended_slope_ci95_high <= log10({{ var('flat_equivalence_factor_per_year') }})
                            then 'holds'
                        else 'inconclusive'
                    end
            when claim_kind = 'slower_than' then
                case
                    when extended_gap <= 0 then 'reversed'
                    when extended_gap >= 0.5 * paper_gap then 'holds'
                    else 'weakened'
                end
        end as verdict
    from joined
),

final as (
    select
        *,
        case
            when verdict = 'follows_from_another'
                then
                    'restates claim ' || follows_from_claim_id
                    || ': energy = FLOPs / efficiency on the same models, '
                    || 'so its gap to compute is the efficiency''s growth'
            when verdict = 'not_tested'
                then 'no data after the paper''s last point (' || paper_last_date || '): the refit is the paper''s fit'
            when claim_kind = 'grows'
                then
                    case verdict
                        when
                            'holds'
                            then 'the refit still grows significantly, at a rate inside or above the paper''s interval'
                        when 'reversed' then 'the refit declines significantly'
                        when 'inconclusive' then 'the refit''s interval contains no growth: too wide to decide'
                        else 'the refit grows significantly but slower than the lower end of the paper''s interval'
                    end
            when claim_kind = 'flat'
                then
                    case verdict
                        when 'holds'
                            then
                                'the refit''s interval lies within x'
                                || {{ var('flat_equivalence_factor_per_year') }} || ' a year either way'
                        when 'inconclusive'
                            then
                                'the refit''s interval contains 0 but reaches beyond x'
                                || {{ var('flat_equivalence_factor_per_year') }}
                                || ' a year (var flat_equivalence_factor_per_year): not refuted, not shown'
                        else
                            'the refit ' || case when extended_slope > 0 then 'grows' else 'declines' end
                            || ' significantly (its interval excludes 0)'
                    end
            when claim_kind = 'slower_than' then
                case verdict
                    when
                        'holds'
                        then
                            'the refit still grows slower than '
                            || compared_trend_id
                            || ', by at least half the paper''s margin'
                    when
                        'weakened'
                        then
                            'the refit grows slower than '
                            || compared_trend_id
                            || ', by less than half the paper''s margin'
                    else 'the refit grows at least as fast as ' || compared_trend_id
                end
        end as verdict_reason
    from judged
)

select * from final
