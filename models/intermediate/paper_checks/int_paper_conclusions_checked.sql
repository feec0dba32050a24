{#
    Each headline claim of the paper (seed paper_claims) read from the paper's
    fit and from its refit over 2012-2025 data ('__extended'), with a verdict
    computed from the slopes and their 95 % intervals (log10 units per year):
    - grows: holds while the refit's slope interval stays above 0 and its slope
      is not below the paper's interval; weakened when the slope is smaller
      than that or no longer significantly positive; reversed when the refit's
      interval lies below 0.
    - flat: holds while the refit's slope interval contains 0 (the reason says
      when that interval is too wide to show flatness); reversed when it
      excludes 0 (significant growth or decline).
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
        case claim_kind
            when 'grows'
                then
                    case
                        when extended_slope_ci95_high < 0 then 'reversed'
                        when extended_slope_ci95_low > 0 and extended_slope >= paper_slope_ci95_low then 'holds'
                        else 'weakened'
                    end
            when 'flat'
                then
                    case
                        when extended_slope_ci95_low <= 0 and extended_slope_ci95_high >= 0 then 'holds' else 'reversed'
                    end
            when 'slower_than' then
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
        case claim_kind
            when 'grows'
                then
                    case verdict
                        when
                            'holds'
                            then 'the refit still grows significantly, at a rate inside or above the paper''s interval'
                        when 'reversed' then 'the refit declines significantly'
                        when 'weakened' then
                            case
                                when
                                    extended_slope_ci95_low <= 0
                                    then 'the refit''s growth is no longer significant (its interval contains 0)'
                                else 'the refit grows slower than the lower end of the paper''s interval'
                            end
                    end
            when 'flat'
                then
                    case verdict
                        when 'holds'
                            then
                                'the refit''s slope interval still contains 0'
                                || case
                                    when extended_slope_ci95_high - extended_slope_ci95_low > log10(2)
                                        then ', but spans more than a factor 2 a year: not refuted rather than shown'
                                    else ''
                                end
                        else
                            'the refit ' || case when extended_slope > 0 then 'grows' else 'declines' end
                            || ' significantly (its interval excludes 0)'
                    end
            when 'slower_than' then
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
