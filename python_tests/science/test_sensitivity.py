"""The robust and influence computations of the sensitivity analysis (src/inference_energy/science/sensitivity.py)
scale to large seeds: Theil-Sen by selection and Cook's distance from the leverage formula give
what the pairwise / hat-matrix definitions give."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from inference_energy.science import sensitivity


def points(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Dates with repeats (ties in x, as release dates have) and values with repeats (ties in y)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, max(3, n // 4), n) / 12.0
    y = rng.normal(0, 0.3, n) + 0.15 * x
    y[: n // 10] = y[n // 10]
    return x, y


@pytest.mark.parametrize(("n", "seed"), [(7, 1), (8, 2), (60, 3), (301, 4), (900, 5)])
def test_theil_sen_by_selection_is_scipys_theil_sen(n, seed):
    x, y = points(n, seed)
    reference = stats.theilslopes(y, x, 0.95)
    intercept, slope, low, high = sensitivity.theil_sen_by_selection(x, y, 0.95)
    scale = np.ptp(y) / np.ptp(x)
    assert slope == pytest.approx(reference.slope, rel=1e-12, abs=1e-12 * scale)
    assert low == pytest.approx(reference.low_slope, rel=1e-12, abs=1e-12 * scale)
    assert high == pytest.approx(reference.high_slope, rel=1e-12, abs=1e-12 * scale)
    assert intercept == pytest.approx(reference.intercept, rel=1e-12, abs=1e-12 * np.ptp(y))


def test_a_slope_many_pairs_share_is_selected_exactly():
    """Integer-valued y: the median and the interval are exactly 0, as scipy says (a bisection on
    rounded z = y - s x alone would land a denormal away, and `low > 0` would flip)."""
    x = np.arange(3000) / 12
    y = np.tile([0.0, 1.0], 1500)
    reference = stats.theilslopes(y, x, 0.95)
    _, slope, low, high = sensitivity.theil_sen_by_selection(x, y, 0.95)
    assert (slope, low, high) == (reference.slope, reference.low_slope, reference.high_slope) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("x", "y"),
    [(np.arange(3000.0), np.r_[np.ones(2999), np.nan]), (np.ones(50), np.arange(50.0))],
    ids=["a NaN", "all x equal"],
)
def test_theil_sen_by_selection_gives_nan_where_no_slope_exists(x, y):
    assert all(np.isnan(v) for v in sensitivity.theil_sen_by_selection(x, y))
    with np.errstate(all="ignore"):
        reference = stats.theilslopes(y, x, 0.95)
    assert np.isnan(reference.slope)  # where scipy gives none either


def test_the_robust_fit_of_a_large_seed_selects_instead_of_pairing(monkeypatch):
    x, y = points(sensitivity.THEIL_SEN_PAIRWISE_MAX_POINTS + 1, 6)
    reference = stats.theilslopes(y, x, 0.95)

    def no_pairs(*_args, **_kwargs):
        raise AssertionError("the n^2 pairwise Theil-Sen was called on a large fit")

    monkeypatch.setattr(sensitivity.stats, "theilslopes", no_pairs)
    intercept, slope, low, high = sensitivity._fit(x, y, robust=True)
    assert (slope, low, high) == pytest.approx((reference.slope, reference.low_slope, reference.high_slope), rel=1e-12)


def test_cooks_distance_is_the_hat_matrix_definition():
    x, y = points(120, 7)
    design = np.column_stack([np.ones_like(x), x])
    hat = design @ np.linalg.pinv(design.T @ design) @ design.T
    leverage = np.diag(hat)
    residuals = y - hat @ y
    s2 = (residuals**2).sum() / (x.size - 2)
    expected = residuals**2 / (2 * s2) * leverage / (1 - leverage) ** 2
    assert sensitivity._cooks_distance(x, y) == pytest.approx(expected, rel=1e-10, abs=1e-14)
