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
from trend_fits import years_since

BOOTSTRAP_COLUMNS = [
    "trend_id",
    "bootstrap_resamples",
    "bootstrap_seed",
    "bootstrap_failed_resamples",
    "slope_bootstrap95_low",
    "slope_bootstrap95_high",
]


def _ols(x: np.ndarray, log_y: np.ndarray) -> tuple[float, float]:
    """(intercept, slope) of log_y on x; NaN when the points cannot define a line."""
    if x.size < 3 or np.ptp(x) == 0:
        return np.nan, np.nan
    x_mean = x.mean()
    slope = ((x - x_mean) * (log_y - log_y.mean())).sum() / ((x - x_mean) ** 2).sum()
    return log_y.mean() - slope * x_mean, slope


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
    slopes: dict[str, list[float]] = {}

    def record(trend_id: str, value: float) -> None:
        slopes.setdefault(trend_id, []).append(value)

    for _ in range(n_resamples):
        efficiency = {}
        for trend, (x, log_y) in gpu_series.items():
            pick = rng.integers(0, x.size, x.size)
            efficiency[trend] = _ols(x[pick], log_y[pick])
            record(trend, efficiency[trend][1])
        for domain, (x, log_gflops, edge, rule) in domains.items():
            pick = rng.integers(0, x.size, x.size)
            xs, gflops, is_edge = x[pick], log_gflops[pick], edge[pick]
            intercept, slope = efficiency[efficiency_trend_of_domain[domain]]
            log_joules = gflops - (intercept + slope * xs)
            for quantity, values in (("compute", gflops), ("energy", log_joules)):
                record(f"{quantity}_{domain}_all{suffix}", _ols(xs, values)[1])
                record(f"{quantity}_{domain}_{rule}{suffix}", _ols(xs[is_edge], values[is_edge])[1])

    tail = (1 - confidence_level) / 2 * 100
    rows = []
    for trend_id, values in sorted(slopes.items()):
        finite = np.asarray(values)[np.isfinite(values)]
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
