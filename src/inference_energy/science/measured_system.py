"""The measured-system model: what MLPerf measures at the wall, decomposed.

A measured result is a whole server: J/sample = wall power / throughput, with

    wall power  = host watts (+ host watts per accelerator x n) + n x share[power mode] x TDP
    throughput  = n x peak at the compute format x utilisation / FLOPs per sample
    log10 utilisation = cell[scenario, compute format]
                        (+ a x log10 GFLOPs per sample) (+ b x log10 peak TFLOPS)

The power half is fitted on log10 wall watts (nonlinear least squares), the utilisation half on
log10 implied utilisation (least squares, each chip x cell weighted as one, so the many A100
results do not outvote the other chips). A result of a chip never measured differs from the
fit by a chip effect (utilisation, kernels) and by its host (a share of the energy that matters
most on a 1-accelerator system): the 95 % prediction interval of one new result is
z x sqrt(var_chip + var_host x host_share^2 + var_within), the three variances estimated by
maximum likelihood on the residuals of log10 J/sample with a random effect per chip and one
per system scaled by its host share. The parameters' own uncertainty is not added.

The fit is exported as a long table of parameters (`parameter_rows`); `predict` reads that
table back, as the SQL macro measured_system_log10_prediction does, so the cross-validation
and the warehouse price one formula (a test holds the two to each other).

Terms of a candidate (seed calibration_candidates, kind measured_system):
    host                             one host power per system (always)
    host_per_accelerator             plus host power per accelerator slot
    accelerator_power_by_power_mode  one TDP share per power mode (MaxQ, MaxP); else one share
    utilisation_by_scenario_format   one utilisation per scenario x compute format (always)
    utilisation_gflops               utilisation grows as a power of the FLOPs per sample
    utilisation_peak                 utilisation as a power of the peak (big chips are harder to fill)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, stats

REQUIRED_TERMS = ("host", "utilisation_by_scenario_format")
OPTIONAL_TERMS = ("host_per_accelerator", "accelerator_power_by_power_mode", "utilisation_gflops", "utilisation_peak")
KNOWN_TERMS = REQUIRED_TERMS + OPTIONAL_TERMS
POINT_COLUMNS = (
    "result_id",
    "chip",
    "system_name",
    "round_label",
    "scenario",
    "compute_format",
    "power_mode",
    "n_accelerators",
    "tdp_watts",
    "peak_tflops",
    "gflops_per_sample",
    "avg_system_watts",
    "samples_per_second",
)
PARAMETER_COLUMNS = ["candidate_id", "parameter", "scenario", "compute_format", "power_mode", "estimate"]


class FitFailed(ValueError):
    """A candidate that cannot be fitted on these points, with the reason."""


def check_terms(terms: list[str]) -> None:
    unknown = set(terms) - set(KNOWN_TERMS)
    if unknown:
        raise ValueError(f"unknown measured-system term(s) {sorted(unknown)}; known: {KNOWN_TERMS}")
    missing = set(REQUIRED_TERMS) - set(terms)
    if missing:
        raise ValueError(f"a measured-system candidate needs the term(s) {sorted(missing)}")


def _log10_throughput_at_full_peak(points: pd.DataFrame) -> np.ndarray:
    """log10 samples/s the system would reach at 100 % of its peak."""
    n = points["n_accelerators"].to_numpy(dtype=float)
    peak = points["peak_tflops"].to_numpy(dtype=float)
    return np.log10(n * peak * 1000.0 / points["gflops_per_sample"].to_numpy(dtype=float))


def _power_parts(params: dict, points: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Host watts and accelerator watts of each row (NaN where the power mode was never fitted)."""
    n = points["n_accelerators"].to_numpy(dtype=float)
    host = 10 ** params["log10_host_watts"] + n * 10 ** params.get("log10_host_watts_per_accelerator", -np.inf)
    shares = params["log10_accelerator_power_share"]
    share = points["power_mode"].map(shares).to_numpy(dtype=float)
    accelerators = n * 10**share * points["tdp_watts"].to_numpy(dtype=float)
    return host, accelerators


def _log10_utilisation(params: dict, points: pd.DataFrame) -> np.ndarray:
    keys = list(zip(points["scenario"], points["compute_format"], strict=True))
    cells = np.array([params["log10_utilisation"].get(key, np.nan) for key in keys], dtype=float)
    return (
        cells
        + params.get("utilisation_gflops_exponent", 0.0) * np.log10(points["gflops_per_sample"].to_numpy(dtype=float))
        + params.get("utilisation_peak_exponent", 0.0) * np.log10(points["peak_tflops"].to_numpy(dtype=float))
    )


def _fit_power(points: pd.DataFrame, terms: list[str]) -> dict:
    modes = sorted(points["power_mode"].unique()) if "accelerator_power_by_power_mode" in terms else ["*"]
    per_accelerator = "host_per_accelerator" in terms
    log_watts = np.log10(points["avg_system_watts"].to_numpy(dtype=float))

    def unpack(theta):
        params = {"log10_host_watts": theta[0]}
        if per_accelerator:
            params["log10_host_watts_per_accelerator"] = theta[1]
        offset = 2 if per_accelerator else 1
        share = dict(zip(modes, theta[offset:], strict=True))
        if modes == ["*"]:
            share = dict.fromkeys(sorted(points["power_mode"].unique()), theta[offset])
        params["log10_accelerator_power_share"] = share
        return params

    def residuals(theta):
        host, accelerators = _power_parts(unpack(theta), points)
        return np.log10(host + accelerators) - log_watts

    start = [2.3] + ([1.5] if per_accelerator else []) + [-0.1] * len(modes)
    result = optimize.least_squares(residuals, start, method="trf", max_nfev=2000)
    if not result.success or not np.all(np.isfinite(result.x)):
        raise FitFailed(f"power fit did not converge: {result.message}")
    params = unpack(result.x)
    if modes == ["*"]:
        params["log10_accelerator_power_share"] = {"*": result.x[-1]}
    return params


def _fit_utilisation(points: pd.DataFrame, terms: list[str]) -> dict:
    keys = list(zip(points["scenario"], points["compute_format"], strict=True))
    cells = sorted(set(keys))
    columns = [np.array([key == cell for key in keys], dtype=float) for cell in cells]
    names = [("cell", cell) for cell in cells]
    if "utilisation_gflops" in terms:
        columns.append(np.log10(points["gflops_per_sample"].to_numpy(dtype=float)))
        names.append(("utilisation_gflops_exponent", None))
    if "utilisation_peak" in terms:
        columns.append(np.log10(points["peak_tflops"].to_numpy(dtype=float)))
        names.append(("utilisation_peak_exponent", None))
    X = np.column_stack(columns)
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise FitFailed("utilisation terms not identified on these points (a column repeats another)")
    y = np.log10(points["samples_per_second"].to_numpy(dtype=float)) - _log10_throughput_at_full_peak(points)
    # each chip x cell counts as one: the A100s' many results must not outvote the other chips
    group = pd.Series([f"{c}|{k}" for c, k in zip(points["chip"], keys, strict=True)])
    root_w = np.sqrt(1.0 / group.map(group.value_counts()).to_numpy(dtype=float))
    beta = np.linalg.lstsq(X * root_w[:, None], y * root_w, rcond=None)[0]
    params: dict = {"log10_utilisation": {}}
    for (kind, cell), value in zip(names, beta, strict=True):
        if kind == "cell":
            params["log10_utilisation"][cell] = float(value)
        else:
            params[kind] = float(value)
    return params


def _variance_components(points: pd.DataFrame, residuals: np.ndarray, host_share: np.ndarray) -> dict:
    """ML estimates of var_chip, var_host (scaled by host share^2, shared within a system) and
    var_within for the residuals of log10 J/sample."""
    chip = pd.factorize(points["chip"])[0]
    system = pd.factorize(points["system_name"])[0]
    same_chip = (chip[:, None] == chip[None, :]).astype(float)
    same_system = (system[:, None] == system[None, :]) * np.outer(host_share, host_share)
    identity = np.eye(len(residuals))

    def negative_log_likelihood(theta):
        var_chip, var_host, var_within = np.exp(theta)
        cov = var_chip * same_chip + var_host * same_system + var_within * identity
        sign, logdet = np.linalg.slogdet(cov)
        if sign <= 0:
            return np.inf
        return 0.5 * (logdet + residuals @ np.linalg.solve(cov, residuals))

    start = np.log([0.01, 0.01, 0.01])
    result = optimize.minimize(
        negative_log_likelihood, start, method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-6, "maxiter": 2000}
    )
    if not result.success:
        raise FitFailed(f"variance components did not converge: {result.message}")
    var_chip, var_host, var_within = np.exp(result.x)
    return {"var_chip": float(var_chip), "var_host": float(var_host), "var_within": float(var_within)}


def fit(points: pd.DataFrame, terms: list[str], confidence_level: float = 0.95) -> dict:
    """Every parameter of one candidate fitted on `points` (columns POINT_COLUMNS)."""
    check_terms(terms)
    if points.empty:
        raise FitFailed("no points")
    if points["chip"].nunique() < 2:
        raise FitFailed("fewer than 2 chips: no chip effect can be estimated")
    params = _fit_power(points, terms)
    params.update(_fit_utilisation(points, terms))
    params["z_critical"] = float(stats.norm.ppf(0.5 + confidence_level / 2))
    params.update(var_chip=0.0, var_host=0.0, var_within=0.0)
    centre, _, host_share = _predict_params(params, points)
    residuals = (
        np.log10(points["avg_system_watts"].to_numpy(dtype=float) / points["samples_per_second"].to_numpy(dtype=float))
        - centre
    )
    params.update(_variance_components(points, residuals, host_share))
    params["n_points"] = len(points)
    return params


def parameter_rows(candidate_id: str, params: dict) -> pd.DataFrame:
    """The fit as the long table the SQL macro reads: one row per parameter and level."""
    rows = [(candidate_id, "log10_host_watts", None, None, None, params["log10_host_watts"])]
    if "log10_host_watts_per_accelerator" in params:
        rows.append(
            (
                candidate_id,
                "log10_host_watts_per_accelerator",
                None,
                None,
                None,
                params["log10_host_watts_per_accelerator"],
            )
        )
    for mode, value in sorted(params["log10_accelerator_power_share"].items()):
        rows.append((candidate_id, "log10_accelerator_power_share", None, None, None if mode == "*" else mode, value))
    for (scenario, compute_format), value in sorted(params["log10_utilisation"].items()):
        rows.append((candidate_id, "log10_utilisation", scenario, compute_format, None, value))
    for name in (
        "utilisation_gflops_exponent",
        "utilisation_peak_exponent",
        "var_chip",
        "var_host",
        "var_within",
        "z_critical",
    ):
        if name in params:
            rows.append((candidate_id, name, None, None, None, params[name]))
    out = pd.DataFrame(rows, columns=PARAMETER_COLUMNS)
    out["estimate"] = out["estimate"].astype(float)
    return out


def params_from_rows(rows: pd.DataFrame) -> dict:
    """parameter_rows read back: what predict (and the SQL macro) use."""
    params: dict = {"log10_accelerator_power_share": {}, "log10_utilisation": {}}
    for row in rows.itertuples(index=False):
        if row.parameter == "log10_accelerator_power_share":
            params[row.parameter][row.power_mode if isinstance(row.power_mode, str) else "*"] = row.estimate
        elif row.parameter == "log10_utilisation":
            params[row.parameter][(row.scenario, row.compute_format)] = row.estimate
        else:
            params[row.parameter] = row.estimate
    return params


def _predict_params(params: dict, points: pd.DataFrame):
    if "*" in params["log10_accelerator_power_share"]:
        one = params["log10_accelerator_power_share"]["*"]
        params = {**params, "log10_accelerator_power_share": dict.fromkeys(points["power_mode"].unique(), one)}
    host, accelerators = _power_parts(params, points)
    wall = host + accelerators
    centre = np.log10(wall) - _log10_utilisation(params, points) - _log10_throughput_at_full_peak(points)
    host_share = host / wall
    half = params["z_critical"] * np.sqrt(
        params["var_chip"] + params["var_host"] * host_share**2 + params["var_within"]
    )
    return centre, half, host_share


def predict(rows: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """log10 J/sample, the half width of its 95 % prediction interval and the fitted host share
    of the wall power, from the parameter table of one candidate. NaN where a level (power mode,
    scenario x compute format) was never fitted."""
    centre, half, host_share = _predict_params(params_from_rows(rows), points)
    return pd.DataFrame(
        {"predicted_log10_joules": centre, "pred95_half_width_log10": half, "host_share": host_share},
        index=points.index,
    )


def cross_validate(points: pd.DataFrame, candidate_id: str, terms: list[str], group: str) -> pd.DataFrame:
    """Leave one `group` out: each result predicted by a fit without its group. A fold that
    cannot be fitted keeps its results, with null predictions and the reason."""
    out = []
    for value, held_out in points.groupby(group, sort=True):
        frame = pd.DataFrame({"result_id": held_out["result_id"].to_numpy()})
        try:
            rows = parameter_rows(candidate_id, fit(points[points[group] != value], terms))
            predicted = predict(rows, held_out)
            frame["predicted_log10_joules"] = predicted["predicted_log10_joules"].to_numpy()
            frame["pred95_half_width_log10"] = predicted["pred95_half_width_log10"].to_numpy()
            frame["fit_failure"] = None
        except FitFailed as failure:
            frame["predicted_log10_joules"] = np.nan
            frame["pred95_half_width_log10"] = np.nan
            frame["fit_failure"] = f"without {group} {value}: {failure}"
        out.append(frame)
    return pd.concat(out, ignore_index=True)
