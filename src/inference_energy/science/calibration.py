"""The baselines of the measured-energy models: regressions on the datasheet estimate.

log10(measured J/sample) is regressed on the datasheet estimate, log10(FLOPs / peak GFLOPS/W),
with the effects a candidate names. They are cross-validated beside the measured-system model
(measured_system.py), which the warehouse prices with; pure functions, imported by
models/fits/fit_measured_energy_calibration__cv.py and tested by pytest.

Terms of a candidate (seed calibration_candidates):
    intercept        a constant (always)
    log10_datasheet  a free slope on log10(datasheet estimate); without it the estimate is an
                     offset (slope fixed at 1: measured = estimate x a constant factor)
    scenario         server vs offline
    precision        one effect per compute format other than the baseline int8
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

KNOWN_TERMS = ("intercept", "log10_datasheet", "scenario", "precision")
BASELINE = {"scenario": "offline", "precision": "int8"}


def design(points: pd.DataFrame, terms: list[str], levels: dict[str, list[str]] | None = None):
    """Design matrix, column names and offset of a candidate; `levels` fixes the dummy
    columns (those of the fitted data) when predicting other rows."""
    unknown = set(terms) - set(KNOWN_TERMS)
    if unknown:
        raise ValueError(f"unknown calibration term(s) {sorted(unknown)}; known: {KNOWN_TERMS}")
    x = points["log10_datasheet_joules"].to_numpy(dtype=float)
    columns, names = [np.ones(len(points))], ["intercept"]
    if "log10_datasheet" in terms:
        columns.append(x)
        names.append("log10_datasheet")
    levels = dict(levels or {})
    for factor in ("scenario", "precision"):
        if factor in terms:
            present = levels.get(factor)
            if present is None:
                present = sorted(set(points[factor]) - {BASELINE[factor]})
                levels[factor] = present
            for level in present:
                columns.append((points[factor] == level).to_numpy(dtype=float))
                names.append(f"{factor}={level}")
    offset = np.zeros(len(points)) if "log10_datasheet" in terms else x
    return np.column_stack(columns), names, offset, levels


def fit(points: pd.DataFrame, terms: list[str], confidence_level: float = 0.95) -> dict:
    """OLS of log10(measured) - offset on the design; everything needed to predict."""
    X, names, offset, levels = design(points, terms)
    y = points["log10_measured_joules"].to_numpy(dtype=float) - offset
    n, p = X.shape
    if n <= p:
        raise ValueError(f"calibration with terms {terms}: {n} points for {p} coefficients")
    xtx_inv = np.linalg.pinv(X.T @ X)
    beta = xtx_inv @ X.T @ y
    residuals = y - X @ beta
    dof = n - np.linalg.matrix_rank(X)
    s = float(np.sqrt((residuals**2).sum() / dof))
    return {
        "terms": terms,
        "names": names,
        "levels": levels,
        "beta": beta,
        "xtx_inv": xtx_inv,
        "residual_std_error": s,
        "dof": int(dof),
        "n_points": int(n),
        "t_critical": float(stats.t.ppf(0.5 + confidence_level / 2, dof)),
    }


def predict(model: dict, points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """log10 prediction and the half width of its prediction interval (one new result).

    A row whose scenario or precision level the fit never saw gets NaN: it is not the
    baseline (offline, int8), and must not be predicted as if it were."""
    X, _, offset, _ = design(points, model["terms"], model["levels"])
    centre = offset + X @ model["beta"]
    leverage = np.einsum("ij,jk,ik->i", X, model["xtx_inv"], X)
    half = model["t_critical"] * model["residual_std_error"] * np.sqrt(1.0 + leverage)
    unseen = np.zeros(len(points), dtype=bool)
    for factor, present in model["levels"].items():
        unseen |= ~points[factor].isin([BASELINE[factor], *present]).to_numpy()
    return np.where(unseen, np.nan, centre), np.where(unseen, np.nan, half)


def cross_validate(points: pd.DataFrame, terms: list[str], group: str) -> pd.DataFrame:
    """Leave one `group` out: each result predicted by a fit without its group. A fold that
    cannot be fitted keeps its results, with null predictions and the reason."""
    out = []
    for value, held_out in points.groupby(group, sort=True):
        frame = pd.DataFrame({"result_id": held_out["result_id"].to_numpy()})
        try:
            centre, half = predict(fit(points[points[group] != value], terms), held_out)
            frame["predicted"], frame["half"], frame["fit_failure"] = centre, half, None
        except ValueError as failure:
            frame["predicted"], frame["half"], frame["fit_failure"] = (
                np.nan,
                np.nan,
                f"without {group} {value}: {failure}",
            )
        out.append(frame)
    return pd.concat(out, ignore_index=True)
