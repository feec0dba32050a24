"""How robust each headline conclusion of the paper is to the paper's choices.

Every conclusion is recomputed under named variants of the inputs or of the method (which GPU
points enter the efficiency fit, the date encoding, a robust slope, leaving out the most
influential models and GPUs), with its interval and whether the paper's qualitative claim still
holds. Pure functions, tested by pytest; the dbt Python model fit_conclusion_sensitivity calls
`sensitivity_table`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from .trend_fits import ols_line, years_since

DOMAINS = {"cv": "gpu_efficiency_cv", "nlp": "gpu_efficiency_nlp"}


# Above this many points the pairwise slopes (n^2 / 2) are not materialised: Theil-Sen's order
# statistics are selected by counting (theil_sen_by_selection), in n log n per count.
THEIL_SEN_PAIRWISE_MAX_POINTS = 2000


def _pairs_tied(values: np.ndarray) -> int:
    """How many pairs of `values` are equal."""
    counts = np.unique(values, return_counts=True)[1].astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def _slopes_below(x: np.ndarray, y: np.ndarray, s: float, or_equal: bool = False) -> int:
    """How many pairs (x_i < x_j) have a slope (y_j - y_i) / (x_j - x_i) below s (or at most s).

    Such a pair is an inversion of z = y - s x once the points are sorted by x (ties by z, so
    that pairs of equal x are never counted): Kendall's tau of the sorted z against its
    positions gives the number of inversions, counted in n log n by scipy. A pair of slope s is
    a tie of z (exactly so where s x is exact, e.g. s = 0; else up to rounding of z).
    """
    z = y - s * x
    order = np.lexsort((z, x))
    z_sorted = z[order]
    n = z.size
    all_pairs = n * (n - 1) // 2
    tied_z = _pairs_tied(z_sorted)
    untied = all_pairs - tied_z
    below = 0
    if untied:
        tau = stats.kendalltau(np.arange(n), z_sorted).statistic
        below = int(round((untied - tau * math.sqrt(all_pairs * untied)) / 2))
    if or_equal:  # the pairs tied in z but not in x
        x_sorted = x[order]
        new_run = np.concatenate(([True], (x_sorted[1:] != x_sorted[:-1]) | (z_sorted[1:] != z_sorted[:-1])))
        runs = np.diff(np.flatnonzero(np.concatenate((new_run, [True])))).astype(np.int64)
        below += tied_z - int((runs * (runs - 1) // 2).sum())
    return below


def _is_kth_slope(x: np.ndarray, y: np.ndarray, k: int, value: float) -> bool:
    return _slopes_below(x, y, value) <= k < _slopes_below(x, y, value, or_equal=True)


def _kth_slope(x: np.ndarray, y: np.ndarray, k: int, sample: np.ndarray, n_pairs: int) -> float:
    """The k-th smallest (0-based) pairwise slope: bisection on the count of slopes below a
    value, started from a sample of slopes around the wanted rank, to 1e-14 relative; a value of
    the sample that is the k-th slope (a slope many pairs share, e.g. 0) is returned exactly."""
    if sample.size:
        nearest = sample[min(sample.size - 1, int(k / n_pairs * sample.size))]
        if _is_kth_slope(x, y, k, nearest):
            return float(nearest) + 0.0  # + 0.0: no -0.0
        lo, hi = np.quantile(sample, [max(0.0, k / n_pairs - 0.01), min(1.0, (k + 1) / n_pairs + 0.01)])
    else:
        lo, hi = -1.0, 1.0
    step = max(hi - lo, abs(hi) * 1e-9, 1e-12)
    for _ in range(2100):  # widen until the bracket holds the k-th slope (finite data: a few steps)
        if _slopes_below(x, y, lo) <= k:
            break
        lo, step = lo - step, step * 2
    else:
        raise RuntimeError(f"Theil-Sen: no lower bound found for order statistic {k}")
    for _ in range(2100):
        if _slopes_below(x, y, hi) > k:
            break
        hi, step = hi + step, step * 2
    else:
        raise RuntimeError(f"Theil-Sen: no upper bound found for order statistic {k}")
    for _ in range(200):  # invariant: at most k slopes below lo, more than k below hi
        if hi - lo <= 1e-14 * max(abs(lo), abs(hi)):
            break
        mid = lo / 2 + hi / 2
        if _slopes_below(x, y, mid) <= k:
            lo = mid
        else:
            hi = mid
    inside = sample[(sample >= lo) & (sample <= hi)]
    for value in np.unique(inside)[:5]:
        if _is_kth_slope(x, y, k, value):
            return float(value) + 0.0
    return float(lo / 2 + hi / 2)


def theil_sen_by_selection(x: np.ndarray, y: np.ndarray, alpha: float = 0.95) -> tuple[float, float, float, float]:
    """(intercept, slope, slope low, slope high) as scipy.stats.theilslopes(y, x, alpha) gives them
    (median of pairwise slopes, intercept median(y) - slope median(x), Sen's 1968 interval by
    ranks), without building the n^2 / 2 slopes: each order statistic is selected by counting.
    NaN for all four where scipy gives NaN too (a non-finite value, all x equal)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n_pairs = x.size * (x.size - 1) // 2 - _pairs_tied(x)
    if n_pairs == 0 or not (np.isfinite(x).all() and np.isfinite(y).all()):
        return (math.nan,) * 4
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, x.size, (2, 200_000))
    keep = x[i] != x[j]
    sample = np.sort((y[j][keep] - y[i][keep]) / (x[j][keep] - x[i][keep]))
    middle = n_pairs // 2
    if n_pairs % 2:
        slope = _kth_slope(x, y, middle, sample, n_pairs)
    else:
        slope = (_kth_slope(x, y, middle - 1, sample, n_pairs) + _kth_slope(x, y, middle, sample, n_pairs)) / 2
    tail = 1 - alpha if alpha > 0.5 else alpha  # as scipy reads alpha
    z = stats.norm.ppf(tail / 2)
    ties = [np.unique(v, return_counts=True)[1].astype(float) for v in (x, y)]
    n = float(x.size)
    variance = (n * (n - 1) * (2 * n + 5) - sum((k * (k - 1) * (2 * k + 5)).sum() for k in ties)) / 18
    sigma = math.sqrt(variance)
    upper = min(int(np.round((n_pairs - z * sigma) / 2)), n_pairs - 1)
    lower = max(int(np.round((n_pairs + z * sigma) / 2)) - 1, 0)
    low, high = _kth_slope(x, y, lower, sample, n_pairs), _kth_slope(x, y, upper, sample, n_pairs)
    return float(np.median(y) - slope * np.median(x)), float(slope), float(low), float(high)


def _fit(x: np.ndarray, log_y: np.ndarray, robust: bool) -> tuple[float, float, float, float]:
    """(intercept, slope, slope 95 % low, slope 95 % high): OLS, or Theil-Sen with its interval."""
    if robust and x.size > THEIL_SEN_PAIRWISE_MAX_POINTS:
        return theil_sen_by_selection(x, log_y, 0.95)
    if robust:
        slope, intercept, low, high = stats.theilslopes(log_y, x, 0.95)
        return float(intercept), float(slope), float(low), float(high)
    intercept, slope, residuals, sxx = ols_line(x, log_y)
    stderr = math.sqrt(float((residuals**2).sum()) / (x.size - 2) / sxx)
    t = stats.t.ppf(0.975, x.size - 2)
    return intercept, slope, slope - t * stderr, slope + t * stderr


def _cooks_distance(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Cook's distance of each point of a simple linear regression; the leverage of a line fit is
    1/n + (x - mean)^2 / Sxx, so no n x n hat matrix is built."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    centred = x - x.mean()
    sxx = (centred**2).sum()
    slope = (centred * (y - y.mean())).sum() / sxx
    residuals = y - (y.mean() + slope * centred)
    leverage = 1 / x.size + centred**2 / sxx
    s2 = (residuals**2).sum() / (x.size - 2)
    return residuals**2 / (2 * s2) * leverage / (1 - leverage) ** 2


def _conclusions(
    gpu: pd.DataFrame,
    models: pd.DataFrame,
    reference_date: str,
    as_years: bool,
    robust: bool,
    conclusions: pd.DataFrame,
):
    """Value, interval and claim of every conclusion for one variant's inputs."""

    def x_of(dates):
        if as_years:  # a reader of the figures: mid-year of the calendar year
            years = pd.to_datetime(pd.Series(dates)).dt.year.to_numpy(dtype=float) + 0.5
            return years - pd.Timestamp(reference_date).year
        return years_since(dates, reference_date)

    rows = []
    slopes = {}
    for domain, trend in DOMAINS.items():
        points = gpu[gpu["trend_id"] == trend]
        intercept, slope, low, high = _fit(x_of(points["launch_date"]), np.log10(points["gflops_per_watt"]), robust)
        slopes[("efficiency", domain)] = (slope, low, high)
        mine = models[models["domain"] == domain]
        x = x_of(mine["release_date"])
        log_joules = np.log10(mine["gflops"].to_numpy(dtype=float)) - (intercept + slope * x)
        edge = mine["is_cutting_edge"].to_numpy(dtype=bool)
        slopes[("all", domain)] = _fit(x, log_joules, robust)[1:]
        slopes[("edge", domain)] = _fit(x[edge], log_joules[edge], robust)[1:]
    for conclusion_id, text, kind, measure, domain in conclusions[
        ["conclusion_id", "conclusion", "claim_kind", "measure", "domain"]
    ].itertuples(index=False):
        if measure == "efficiency":
            slope, low, high = slopes[("efficiency", domain)]
            value, unit = math.log10(2) / slope, "doubling_time_years"
            interval = (math.log10(2) / high, math.log10(2) / low) if low > 0 else (None, None)
            holds = low > 0
        elif measure == "cutting_edge_vs_average_energy":
            edge_slope, all_slope = slopes[("edge", domain)][0], slopes[("all", domain)][0]
            value, unit, interval = 10 ** (edge_slope - all_slope), "ratio_of_annual_growth_factors", (None, None)
            holds = edge_slope > all_slope
        else:
            slope, low, high = slopes[("edge" if measure == "cutting_edge_energy" else "all", domain)]
            value, unit, interval = 10**slope, "annual_growth_factor", (10**low, 10**high)
            holds = low > 0 if kind == "grows" else low <= 0 <= high
        rows.append(
            {
                "conclusion_id": conclusion_id,
                "conclusion": text,
                "claim_kind": kind,
                "conclusion_value": value,
                "value_unit": unit,
                "interval95_low": interval[0],
                "interval95_high": interval[1],
                "claim_holds": bool(holds),
            }
        )
    return rows


def sensitivity_table(
    gpu: pd.DataFrame,
    gpus: pd.DataFrame,
    models: pd.DataFrame,
    reference_date: str,
    conclusions: pd.DataFrame,
    n_influential: int = 3,
) -> pd.DataFrame:
    """Every conclusion under every variant.

    conclusions: conclusion_id, conclusion, claim_kind, measure, domain (seed
    sensitivity_conclusions, the one home of that vocabulary), in the order the rows come out.

    gpu: trend_id, gpu_id, precision, launch_date, gflops_per_watt (the efficiency fit points,
    Fig. 7 and 8); gpus: gpu_id, gpu_type; models: model_id, domain, release_date, gflops,
    is_cutting_edge (the paper's flags, kept when a model is left out).
    """
    # a full order (adapted_for too): the points read from a table of both datasets come in any order
    gpu = gpu.sort_values(["trend_id", "gpu_id", "precision", "adapted_for"], kind="mergesort").reset_index(drop=True)
    models = models[models["gflops"].notna()].sort_values(["domain", "model_id"], kind="mergesort")
    fig8 = gpu[gpu["trend_id"].isin(DOMAINS.values())]
    fp32_all = gpu[gpu["trend_id"] == "gpu_theoretical_fp32"]
    server = set(gpus.loc[gpus["gpu_type"] == "server", "gpu_id"])
    variants = [
        ("paper", "As the paper: Fig. 8 points, exact dates, OLS", fig8, models, False, False),
        (
            "fp32_peaks_only",
            "Efficiency from the FP32 peaks of every J.8 GPU (no measured speed-ups, no exclusions)",
            pd.concat([fp32_all.assign(trend_id=t) for t in DOMAINS.values()]),
            models,
            False,
            False,
        ),
        (
            "without_measured_speedups",
            "Fig. 8 points without the mixed-precision and TF32 points",
            fig8[~fig8["precision"].isin(["mixed", "tf32"])],
            models,
            False,
            False,
        ),
        (
            "server_gpus_only",
            "Fig. 8 points of server GPUs only",
            fig8[fig8["gpu_id"].isin(server)],
            models,
            False,
            False,
        ),
        ("dates_as_years", "Dates as calendar years (mid-year), as a reader of the figures", fig8, models, True, False),
        ("theil_sen", "Theil-Sen slopes instead of OLS (robust to extreme points)", fig8, models, False, True),
    ]
    # the most influential points (Cook's distance) of the paper's fits: models in each domain's
    # all-model energy fit, GPUs in each domain's efficiency fit (all of a GPU's points left out)
    for domain, trend in DOMAINS.items():
        points = fig8[fig8["trend_id"] == trend]
        x = years_since(points["launch_date"], reference_date)
        intercept, slope, _, _ = _fit(x, np.log10(points["gflops_per_watt"]), False)
        gpu_influence = pd.Series(
            _cooks_distance(x, np.log10(points["gflops_per_watt"].to_numpy())), index=points.index
        )
        ranked_gpus = points.loc[gpu_influence.sort_values(ascending=False, kind="mergesort").index, "gpu_id"]
        for rank, gpu_id in enumerate(list(dict.fromkeys(ranked_gpus))[:n_influential], 1):
            variants.append(
                (
                    f"without_gpu_{domain}_{rank}",
                    f"Without {gpu_id}, the {rank}. most influential GPU of the {domain} efficiency fit",
                    fig8[fig8["gpu_id"] != gpu_id],
                    models,
                    False,
                    False,
                )
            )
        mine = models[models["domain"] == domain]
        mx = years_since(mine["release_date"], reference_date)
        log_joules = np.log10(mine["gflops"].to_numpy(dtype=float)) - (intercept + slope * mx)
        influence = pd.Series(_cooks_distance(mx, log_joules), index=mine["model_id"].to_numpy())
        for rank, model_id in enumerate(
            influence.sort_values(ascending=False, kind="mergesort").index[:n_influential], 1
        ):
            variants.append(
                (
                    f"without_model_{domain}_{rank}",
                    f"Without {model_id}, the {rank}. most influential {domain} model of the energy fit",
                    fig8,
                    models[models["model_id"] != model_id],
                    False,
                    False,
                )
            )
    rows = []
    for variant_id, description, variant_gpu, variant_models, as_years, robust in variants:
        for row in _conclusions(variant_gpu, variant_models, reference_date, as_years, robust, conclusions):
            rows.append({**row, "variant_id": variant_id, "variant": description})
    return pd.DataFrame(rows)[
        [
            "conclusion_id",
            "conclusion",
            "claim_kind",
            "variant_id",
            "variant",
            "conclusion_value",
            "value_unit",
            "interval95_low",
            "interval95_high",
            "claim_holds",
        ]
    ]
