"""Log-linear trend fits: log10(y) = intercept + slope * years since a reference date.

Pure functions, imported by the dbt Python models under models/fits/ (through the
profile's `module_paths`) and tested by pytest. One fit per series, returned as a
tidy row with everything needed to report uncertainty and to predict with a
confidence interval in SQL (macro trend_value_at).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date

import numpy as np
import pandas as pd
from scipy import stats

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class LogLinearFit:
    n_points: int
    slope_log10_per_year: float
    intercept_log10: float
    slope_std_error: float
    intercept_std_error: float
    slope_ci95_low: float
    slope_ci95_high: float
    r_squared: float
    residual_std_error: float
    x_mean_years: float
    x_sum_squares: float
    t_critical: float
    confidence_level: float

    @property
    def annual_growth_factor(self) -> float:
        return 10.0**self.slope_log10_per_year

    @property
    def doubling_time_years(self) -> float:
        """Years for y to double (negative: halving time of a decreasing trend)."""
        if self.slope_log10_per_year == 0:
            return math.inf
        return math.log10(2.0) / self.slope_log10_per_year


def years_since(dates: pd.Series | list, reference_date: date | str) -> np.ndarray:
    """Dates as (fractional) years since reference_date, 365.25 days a year."""
    as_dates = pd.to_datetime(pd.Series(dates))
    if as_dates.isna().any():
        raise ValueError("years_since: missing or unparsable dates")
    delta = as_dates - pd.Timestamp(reference_date)
    return (delta.dt.days.to_numpy(dtype=float)) / DAYS_PER_YEAR


def ols_line(x: np.ndarray, log_y: np.ndarray) -> tuple[float, float, np.ndarray, float]:
    """The one line fit of the project: ordinary least squares of log_y on x. Returns
    (intercept, slope, residuals, sum of squares of x about its mean); the trends
    (fit_log_linear), their bootstrap and the sensitivity analysis all fit through it."""
    x_mean = x.mean()
    dx = x - x_mean
    sxx = float((dx**2).sum())
    slope = float((dx * (log_y - log_y.mean())).sum() / sxx)
    intercept = float(log_y.mean() - slope * x_mean)
    return intercept, slope, log_y - (intercept + slope * x), sxx


def fit_log_linear(
    x_years: np.ndarray, y: np.ndarray, confidence_level: float = 0.95, min_points: int = 3
) -> LogLinearFit:
    """Ordinary least squares of log10(y) on x (years)."""
    x = np.asarray(x_years, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError(f"fit_log_linear: x has {x.size} values but y has {y.size}")
    n = x.size
    if min_points < 3:
        raise ValueError("fit_log_linear: min_points must be at least 3 (a line and its error need 3 points)")
    if n < min_points:
        raise ValueError(f"fit_log_linear: {n} point(s), at least {min_points} needed for a fit with uncertainty")
    if not np.all(np.isfinite(x)) or not np.all(np.isfinite(y)):
        raise ValueError("fit_log_linear: non-finite x or y")
    if np.any(y <= 0):
        raise ValueError("fit_log_linear: y must be positive to take log10")
    x_mean = x.mean()
    if float(((x - x_mean) ** 2).sum()) == 0:
        raise ValueError("fit_log_linear: all points share one date; the slope is undefined")
    log_y = np.log10(y)
    intercept, slope, residuals, sxx = ols_line(x, log_y)
    ss_res = float((residuals**2).sum())
    ss_tot = float(((log_y - log_y.mean()) ** 2).sum())
    dof = n - 2
    s = math.sqrt(ss_res / dof)
    slope_se = s / math.sqrt(sxx)
    intercept_se = s * math.sqrt(1.0 / n + x_mean**2 / sxx)
    t_crit = float(stats.t.ppf(0.5 + confidence_level / 2.0, dof))
    return LogLinearFit(
        n_points=n,
        slope_log10_per_year=slope,
        intercept_log10=intercept,
        slope_std_error=slope_se,
        intercept_std_error=intercept_se,
        slope_ci95_low=slope - t_crit * slope_se,
        slope_ci95_high=slope + t_crit * slope_se,
        r_squared=1.0 - ss_res / ss_tot if ss_tot > 0 else 1.0,
        residual_std_error=s,
        x_mean_years=float(x_mean),
        x_sum_squares=sxx,
        t_critical=t_crit,
        confidence_level=confidence_level,
    )


FIT_COLUMNS = [
    "trend_id",
    "n_points",
    "reference_date",
    "first_date",
    "last_date",
    "slope_log10_per_year",
    "slope_std_error",
    "slope_ci95_low",
    "slope_ci95_high",
    "intercept_log10",
    "intercept_std_error",
    "r_squared",
    "residual_std_error",
    "x_mean_years",
    "x_sum_squares",
    "t_critical",
    "confidence_level",
    "annual_growth_factor",
    "doubling_time_years",
]


def fit_trends(
    points: pd.DataFrame,
    reference_date: str,
    confidence_level: float = 0.95,
    min_points: int = 3,
    trend_col: str = "trend_id",
    date_col: str = "x_date",
    value_col: str = "y_value",
) -> pd.DataFrame:
    """One log-linear fit per trend_id; a tidy row per fit (columns FIT_COLUMNS).

    A series that cannot be fitted raises ValueError naming the trend.
    """
    missing = {trend_col, date_col, value_col} - set(points.columns)
    if missing:
        raise ValueError(f"fit_trends: missing columns {sorted(missing)}")
    rows = []
    for trend_id, series in points.groupby(trend_col, sort=True):
        # a fixed order of the points: sums in the same order give the same bits on every build
        # (views hand rows over in no particular order)
        series = series.sort_values([date_col, value_col], kind="mergesort")
        try:
            fit = fit_log_linear(
                years_since(series[date_col], reference_date),
                series[value_col].to_numpy(dtype=float),
                confidence_level=confidence_level,
                min_points=min_points,
            )
        except ValueError as err:
            raise ValueError(f"trend {trend_id!r}: {err}") from err
        dates = pd.to_datetime(series[date_col])
        row = asdict(fit)
        row.update(
            trend_id=trend_id,
            reference_date=pd.Timestamp(reference_date).date(),
            first_date=dates.min().date(),
            last_date=dates.max().date(),
            annual_growth_factor=fit.annual_growth_factor,
            doubling_time_years=fit.doubling_time_years,
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=FIT_COLUMNS)


def fit_trends_configured(points: pd.DataFrame, reference_date, confidence_level, min_points) -> pd.DataFrame:
    """fit_trends with the parameters as dbt config hands them over (text or numbers).

    dbt gives a Python model only the config keys its source reads literally
    (`dbt.config.get("reference_date")`), so each model under models/fits/ reads
    the three keys itself and passes them here.
    """
    return fit_trends(
        points[["trend_id", "x_date", "y_value"]],
        reference_date=reference_date,
        confidence_level=float(confidence_level),
        min_points=int(min_points),
    )
