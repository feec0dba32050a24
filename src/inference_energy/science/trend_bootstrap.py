"""Seeded bootstrap of the trend fits: the uncertainty of the energy trends with that of the
efficiency fit they divide by propagated.

Each resample draws, with replacement, the points of every GPU-efficiency trend and the models
of every domain, refits the efficiency trends, recomputes each drawn model's energy with the
refitted efficiency of its domain (Eq. 2), and refits the compute and energy trends (all models
and the cutting edge). Percentiles of the resampled slopes are the intervals. Deterministic: one
numpy Generator seeded with (seed, trend set), inputs sorted by their keys first, so the same
seed gives the same numbers on every machine. Pure functions, tested by pytest; the dbt Python
models under models/fits/ call `bootstrap_trends`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .trend_fits import ols_line, years_since

BOOTSTRAP_COLUMNS = [
    "trend_id",
    "bootstrap_resamples",
    "bootstrap_seed",
    "bootstrap_failed_resamples",
    "slope_bootstrap95_low",
    "slope_bootstrap95_high",
]


# Resamples drawn and fitted together: at most this many drawn points at once (arrays of
# 0.8 MB, which stay in cache; the paper's ~300 points a resample make batches of ~330).
CHUNK_POINTS = 100_000


def _ols(x: np.ndarray, log_y: np.ndarray) -> tuple[float, float]:
    """(intercept, slope) of log_y on x; NaN when the points cannot define a line."""
    if x.size < 3 or x.max() == x.min():
        return np.nan, np.nan
    intercept, slope, _, _ = ols_line(x, log_y)
    return intercept, slope


def _ols_rows(x: np.ndarray, log_y: np.ndarray, keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(intercepts, slopes) of log_y on x, one fit per row of the (resamples x points) arrays,
    over the points `keep` marks (a subset: each row's kept points fitted on their own), else
    all of them at once; NaN where the points cannot define a line (fewer than 3, one x)."""
    if keep is not None:
        fits = np.array([_ols(x[row, keep[row]], log_y[row, keep[row]]) for row in range(x.shape[0])])
        return fits[:, 0], fits[:, 1]
    with np.errstate(invalid="ignore", divide="ignore"):
        x_mean, y_mean = x.mean(axis=1), log_y.mean(axis=1)
        dx, dy = x - x_mean[:, None], log_y - y_mean[:, None]
        slope = (dx * dy).sum(axis=1) / (dx * dx).sum(axis=1)
        intercept = y_mean - slope * x_mean
    valid = (x.shape[1] >= 3) & (x.max(axis=1) > x.min(axis=1))
    return np.where(valid, intercept, np.nan), np.where(valid, slope, np.nan)


def bootstrap_trends(
    gpu_points: pd.DataFrame,
    models: pd.DataFrame,
    efficiency_trend_of_domain: dict[str, str],
    reference_date: str,
    n_resamples: int,
    seed: int,
    suffix: str = "",
    set_index: int = 0,
    confidence_level: float = 0.95,
) -> pd.DataFrame:
    """Percentile intervals of the slope of every trend.

    gpu_points: trend_id, x_date, y_value (GFLOPS/W), one row per point of each efficiency fit.
    models: model_id, domain, x_date, gflops, is_cutting_edge, cutting_edge_rule.
    Trend ids: the GPU trends as given; compute_/energy_<domain>_all<suffix> and
    compute_/energy_<domain>_<cutting_edge_rule><suffix>.
    """
    if n_resamples < 1000:
        raise ValueError(f"bootstrap: {n_resamples} resamples; at least 1000 for stable 95 % percentiles")
    rng = np.random.default_rng([int(seed), int(set_index)])
    gpu = gpu_points.sort_values(["trend_id", "x_date", "y_value"], kind="mergesort")
    gpu_series = {
        trend: (years_since(group["x_date"], reference_date), np.log10(group["y_value"].to_numpy(dtype=float)))
        for trend, group in gpu.groupby("trend_id", sort=True)
    }
    ordered = models.sort_values(["domain", "model_id"], kind="mergesort")
    domains = {}
    for domain, group in ordered.groupby("domain", sort=True):
        domains[domain] = (
            years_since(group["x_date"], reference_date),
            np.log10(group["gflops"].to_numpy(dtype=float)),
            group["is_cutting_edge"].to_numpy(dtype=bool),
            group["cutting_edge_rule"].iloc[0],
        )
    slopes: dict[str, list[np.ndarray]] = {}

    def record(trend_id: str, values: np.ndarray) -> None:
        slopes.setdefault(trend_id, []).append(values)

    # The draws are made in the order of one resample after another (every GPU trend, then
    # every domain), so the numbers do not depend on how resamples are grouped; the fits of
    # a group of resamples are then computed together.
    sizes = [x.size for x, _ in gpu_series.values()] + [d[0].size for d in domains.values()]
    chunk = max(1, CHUNK_POINTS // max(1, sum(sizes)))
    for start in range(0, n_resamples, chunk):
        count = min(chunk, n_resamples - start)
        picks = [np.empty((count, size), dtype=np.int64) for size in sizes]
        for row in range(count):
            for pick, size in zip(picks, sizes, strict=True):
                pick[row] = rng.integers(0, size, size)
        efficiency = {}
        for pick, (trend, (x, log_y)) in zip(picks[: len(gpu_series)], gpu_series.items(), strict=True):
            efficiency[trend] = _ols_rows(x[pick], log_y[pick])
            record(trend, efficiency[trend][1])
        for pick, (domain, (x, log_gflops, edge, rule)) in zip(picks[len(gpu_series) :], domains.items(), strict=True):
            xs, gflops, is_edge = x[pick], log_gflops[pick], edge[pick]
            intercept, slope = efficiency[efficiency_trend_of_domain[domain]]
            log_joules = gflops - (intercept[:, None] + slope[:, None] * xs)
            for quantity, values in (("compute", gflops), ("energy", log_joules)):
                record(f"{quantity}_{domain}_all{suffix}", _ols_rows(xs, values)[1])
                record(f"{quantity}_{domain}_{rule}{suffix}", _ols_rows(xs, values, is_edge)[1])

    tail = (1 - confidence_level) / 2 * 100
    rows = []
    for trend_id, parts in sorted(slopes.items()):
        values = np.concatenate(parts)
        finite = values[np.isfinite(values)]
        low, high = np.percentile(finite, [tail, 100 - tail]) if finite.size else (np.nan, np.nan)
        rows.append(
            {
                "trend_id": trend_id,
                "bootstrap_resamples": n_resamples,
                "bootstrap_seed": int(seed),
                "bootstrap_failed_resamples": int(len(values) - finite.size),
                "slope_bootstrap95_low": float(low),
                "slope_bootstrap95_high": float(high),
            }
        )
    return pd.DataFrame(rows, columns=BOOTSTRAP_COLUMNS)
