"""The fitting functions behind models/fits (src/inference_energy/science/trend_fits.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from inference_energy.science.trend_fits import fit_log_linear, fit_trends, years_since


def test_exact_exponential_recovers_slope_and_intercept():
    x = np.array([0.0, 1.0, 2.5, 4.0, 7.0])
    fit = fit_log_linear(x, 10 ** (1.0 + 0.2 * x))
    assert fit.slope_log10_per_year == pytest.approx(0.2)
    assert fit.intercept_log10 == pytest.approx(1.0)
    assert fit.r_squared == pytest.approx(1.0)
    assert fit.annual_growth_factor == pytest.approx(10**0.2)
    assert fit.doubling_time_years == pytest.approx(math.log10(2) / 0.2)


def test_noisy_fit_matches_scipy_and_its_interval_covers_the_truth():
    rng = np.random.default_rng(7)
    x = np.linspace(0, 10, 40)
    y = 10 ** (0.5 + 0.12 * x + rng.normal(0, 0.05, x.size))
    fit = fit_log_linear(x, y)
    ref = stats.linregress(x, np.log10(y))
    assert fit.slope_log10_per_year == pytest.approx(ref.slope)
    assert fit.intercept_log10 == pytest.approx(ref.intercept)
    assert fit.slope_std_error == pytest.approx(ref.stderr)
    assert fit.intercept_std_error == pytest.approx(ref.intercept_stderr)
    assert fit.r_squared == pytest.approx(ref.rvalue**2)
    assert fit.slope_ci95_low < 0.12 < fit.slope_ci95_high
    assert fit.t_critical == pytest.approx(stats.t.ppf(0.975, x.size - 2))


def test_doubling_time_of_one_year():
    x = np.arange(5.0)
    fit = fit_log_linear(x, 2.0**x)
    assert fit.doubling_time_years == pytest.approx(1.0)


def test_dates_are_years_of_365_25_days_since_the_reference():
    years = years_since(["2010-01-01", "2011-01-01", "2014-01-01", "2009-01-01"], "2010-01-01")
    assert years == pytest.approx([0.0, 365 / 365.25, 1461 / 365.25, -365 / 365.25])


def test_unparsable_date_is_refused():
    with pytest.raises(ValueError, match="unparsable"):
        years_since([None], "2010-01-01")


def test_fewer_than_three_points_fails_clearly():
    with pytest.raises(ValueError, match="2 point\\(s\\), at least 3 needed"):
        fit_log_linear(np.array([0.0, 1.0]), np.array([1.0, 2.0]))


def test_min_points_below_three_is_refused():
    with pytest.raises(ValueError, match="at least 3"):
        fit_log_linear(np.array([0.0, 1.0]), np.array([1.0, 2.0]), min_points=2)


@pytest.mark.parametrize("bad", [0.0, -1.0])
def test_non_positive_values_cannot_be_logged(bad):
    with pytest.raises(ValueError, match="positive"):
        fit_log_linear(np.array([0.0, 1.0, 2.0]), np.array([1.0, bad, 3.0]))


def test_single_date_has_no_slope():
    with pytest.raises(ValueError, match="one date"):
        fit_log_linear(np.array([1.0, 1.0, 1.0]), np.array([1.0, 2.0, 3.0]))


def test_fit_trends_one_tidy_row_per_trend():
    dates = pd.to_datetime(["2010-01-01", "2012-01-01", "2014-01-01", "2016-01-01"])
    x = years_since(dates, "2010-01-01")
    points = pd.DataFrame(
        {
            "trend_id": ["a"] * 4 + ["b"] * 4,
            "x_date": list(dates) * 2,
            "y_value": list(10 ** (0.1 * x)) + list(10 ** (2 - 0.05 * x)),
        }
    )
    fits = fit_trends(points, reference_date="2010-01-01").set_index("trend_id")
    assert list(fits.index) == ["a", "b"]
    assert fits.loc["a", "slope_log10_per_year"] == pytest.approx(0.1)
    assert fits.loc["b", "slope_log10_per_year"] == pytest.approx(-0.05)
    assert fits.loc["b", "intercept_log10"] == pytest.approx(2.0)
    assert fits.loc["a", "n_points"] == 4
    assert str(fits.loc["a", "first_date"]) == "2010-01-01"
    assert str(fits.loc["a", "last_date"]) == "2016-01-01"
    assert fits.loc["b", "doubling_time_years"] < 0


def test_fit_trends_names_the_trend_that_cannot_be_fitted():
    points = pd.DataFrame(
        {
            "trend_id": ["ok"] * 3 + ["short"] * 2,
            "x_date": pd.date_range("2010-01-01", periods=5, freq="YS"),
            "y_value": [1.0, 2.0, 4.0, 1.0, 2.0],
        }
    )
    with pytest.raises(ValueError, match="trend 'short': .*2 point"):
        fit_trends(points, reference_date="2010-01-01")


def test_fits_do_not_depend_on_the_order_of_the_points():
    """Views hand rows over in no particular order: the fit must give the same bits anyway."""
    rng = np.random.default_rng(5)
    points = pd.DataFrame(
        {
            "trend_id": "t",
            "x_date": pd.to_datetime("2012-01-01") + pd.to_timedelta(rng.uniform(0, 3000, 40), unit="D"),
            "y_value": 10 ** rng.normal(1, 0.5, 40),
        }
    )
    first = fit_trends(points, "2010-01-01")
    for seed in range(5):
        shuffled = fit_trends(points.sample(frac=1, random_state=seed), "2010-01-01")
        pd.testing.assert_frame_equal(first, shuffled, check_exact=True)
