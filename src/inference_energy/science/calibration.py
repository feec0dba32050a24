"""Calibration of datasheet energy estimates against measured energy (MLPerf power).

log10(measured J/sample) is regressed on the datasheet estimate, log10(FLOPs / peak GFLOPS/W),
with the effects a candidate names. Pure functions, imported by the dbt Python models under
models/fits/ and tested by pytest; the SQL reads the coefficients and their covariance back
(macro calibrated_log10_joules) to predict any GPU with a prediction interval.

Terms of a candidate (seed calibration_candidates):
    intercept        a constant (always)
    log10_datasheet  a free slope on log10(datasheet estimate); without it the estimate is an
                     offset (slope fixed at 1: measured = estimate x a constant factor)
    scenario         server vs offline
    precision        one effect per serving precision other than the baseline int8
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
    """Leave one `group` out: each result predicted by a fit without its group."""
    out = []
    for value, held_out in points.groupby(group, sort=True):
        training = points[points[group] != value]
        try:
            model = fit(training, terms)
        except ValueError:
            continue  # too few points without this group: no held-out prediction
        centre, half = predict(model, held_out)
        out.append(pd.DataFrame({"result_id": held_out["result_id"].to_numpy(), "predicted": centre, "half": half}))
    if not out:
        return pd.DataFrame(columns=["result_id", "predicted", "half"])
    return pd.concat(out, ignore_index=True)


def coefficient_rows(candidate_id: str, model: dict) -> pd.DataFrame:
    """One row per pair of terms: the estimate of term_i and the unscaled covariance (X'X)^-1."""
    rows = []
    for i, name_i in enumerate(model["names"]):
        for j, name_j in enumerate(model["names"]):
            rows.append(
                {
                    "candidate_id": candidate_id,
                    "term_i": name_i,
                    "term_j": name_j,
                    "term_index": i,
                    "estimate": float(model["beta"][i]),
                    "unscaled_covariance": float(model["xtx_inv"][i, j]),
                    "uses_offset": "log10_datasheet" not in model["terms"],
                    "n_points": model["n_points"],
                    "degrees_of_freedom": model["dof"],
                    "residual_std_error": model["residual_std_error"],
                    "t_critical": model["t_critical"],
                }
            )
    return pd.DataFrame(rows)


def fit_candidates(points: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """Coefficients and covariance of every candidate fitted on all points."""
    parts = [
        coefficient_rows(row.candidate_id, fit(points, row.terms.split())) for row in candidates.itertuples(index=False)
    ]
    return pd.concat(parts, ignore_index=True)


def cross_validate_candidates(points: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """Held-out predictions of every candidate, leaving one GPU, one chip or one round out."""
    parts = []
    for row in candidates.itertuples(index=False):
        for scheme, group in (
            ("leave_one_gpu_out", "gpu_id"),
            # stricter: boards of one die (the A100s, H100 SXM and PCIe) never train on each other
            ("leave_one_chip_out", "chip"),
            ("leave_one_round_out", "round_label"),
        ):
            held = cross_validate(points, row.terms.split(), group)
            held["candidate_id"] = row.candidate_id
            held["scheme"] = scheme
            parts.append(held)
    out = pd.concat(parts, ignore_index=True)
    return out.rename(columns={"predicted": "predicted_log10_joules", "half": "pred95_half_width_log10"})[
        ["result_id", "candidate_id", "scheme", "predicted_log10_joules", "pred95_half_width_log10"]
    ]
