"""LLM serving energy: Joules per generated token of a serving system, three candidates.

A measured row is one serving run: n accelerators, a model of `total` and `active` parameters at
a precision (bytes per parameter), a workload of `input` and `output` tokens per request, and a
measured J per output token (energy over the run / output tokens). Candidates:

paper_formula      the paper's Eq. (2) per output token: 2 x active x 1e9 FLOPs / (peak GFLOPS per
                   Watt of the GPU at the precision); nothing fitted, no interval.
flops_calibration  paper_formula x 10^offset[boundary]: what a FLOPs-only formula does at best.
prefill_decode     J/token = power x seconds per output token, with

    seconds = 2 x active x (1 + input/output) / (n x peak x u_compute[cell])            (prefill
              + decode FLOPs, compute-bound)
            + total x bytes per parameter / (n x bandwidth x 10^decode[...])             (decode:
              the weights are read once per step and shared by the batch)
    10^decode = u_bandwidth x batch        where the batch is measured (ML.ENERGY),
              = one fitted value per scenario  where it is not (MLPerf: submitter-tuned)
    power     = the measured-system model's wall power (host + n x share x TDP, given per row
                as `wall_watts_modelled`) at the wall boundary,
              = n x TDP x 10^(g0 + g1 x log10 batch) for GPU-only rows (fitted on their watts).

`serving_source` is MLPerf (TensorRT-class stacks, wall power) or ML.ENERGY (vLLM, GPU only): each has its
own utilisations, and the two boundaries never share a power term. A utilisation cell is the
source where the batch is measured, the source x scenario where it is not (MLPerf's Server runs
at a lower utilisation than its Offline under the latency bounds). The KV cache read per step is
not modelled apart (it is in u_bandwidth), nor is a mixture of experts' partial weight read at
small batch (all weights are read: right at the batches measured).

Intervals: the residuals of log10 J/token differ by chip (a random effect shared by every row of a
GPU within a source) and within; both variances by moments, the within one per source. The 95 %
prediction interval of one new row is z x sqrt(var_chip + var_within[source]); the parameters' own
uncertainty is not added. The fit is a long parameter table (`parameter_rows`); `predict` reads it
back, as the SQL macro llm_serving_prediction does (a test holds the two to each other).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, stats

CANDIDATES = ("paper_formula", "flops_calibration", "prefill_decode")
POINT_COLUMNS = (
    "llm_measurement_id",
    "chip",
    "round_label",
    "serving_source",
    "measurement_boundary",
    "scenario",
    "n_accelerators",
    "tdp_watts",
    "peak_tflops",
    "bandwidth_tbs",
    "bytes_per_parameter",
    "total_params_b",
    "active_params_b",
    "input_tokens",
    "output_tokens",
    "batch_size",
    "host_watts_modelled",
    "measured_watts",
    "tokens_per_second",
    "joules_per_output_token",
)
PARAMETER_COLUMNS = ["candidate_id", "parameter", "parameter_level", "scenario", "estimate"]


class FitFailed(ValueError):
    """A candidate that cannot be fitted on these points, with the reason."""


def _col(points: pd.DataFrame, name: str) -> np.ndarray:
    return points[name].to_numpy(dtype=float)


def log10_paper_formula(points: pd.DataFrame) -> np.ndarray:
    """log10 J per output token by Eq. (2): 2 x active params / (peak GFLOPS / TDP)."""
    gflops_per_token = 2.0 * _col(points, "active_params_b")
    gflops_per_watt = _col(points, "peak_tflops") * 1000.0 / _col(points, "tdp_watts")
    return np.log10(gflops_per_token / gflops_per_watt)


def _cells(points: pd.DataFrame) -> list[tuple]:
    """The utilisation cell of each row: (source, None) where the batch is measured (the batch
    carries the configuration), (source, scenario) where it is not (MLPerf: the scenario does)."""
    return [
        (source, None) if np.isfinite(batch) else (source, scenario)
        for source, scenario, batch in zip(
            points["serving_source"], points["scenario"], _col(points, "batch_size"), strict=True
        )
    ]


def _cell_order(cell: tuple) -> tuple:
    return (cell[0], cell[1] or "")


def _log10_seconds(params: dict, points: pd.DataFrame) -> np.ndarray:
    """log10 seconds per output token of the whole system (prefill_decode)."""
    n = _col(points, "n_accelerators")
    source = points["serving_source"].to_numpy()
    u_compute = np.array([params["log10_compute_utilisation"].get(key, np.nan) for key in _cells(points)])
    # the prompt is priced where both lengths are known (else its cost is in the utilisation)
    prompt_share = 1.0 + np.nan_to_num(_col(points, "input_tokens") / _col(points, "output_tokens"))
    compute = (
        2.0
        * _col(points, "active_params_b")
        * 1e9
        * prompt_share
        / (n * _col(points, "peak_tflops") * 1e12 * 10**u_compute)
    )
    batch = _col(points, "batch_size")
    decode_exponent = np.array(
        [
            params["log10_bandwidth_utilisation"].get(s, np.nan) + np.log10(b)
            if s in params["log10_bandwidth_utilisation"]
            else params["log10_decode_batch_x_bandwidth_utilisation"].get((s, sc), np.nan)
            for s, sc, b in zip(source, points["scenario"], batch, strict=True)
        ]
    )
    # a mixture of experts reads only the experts its batch touches: of `total`, the share
    # 1 - (1 - active/total)^batch (all of them where the batch is not measured: MLPerf's is large)
    active_share = _col(points, "active_params_b") / _col(points, "total_params_b")
    touched = np.where(np.isnan(batch), 1.0, 1.0 - (1.0 - active_share) ** np.nan_to_num(batch, nan=1.0))
    weights = _col(points, "total_params_b") * 1e9 * _col(points, "bytes_per_parameter") * touched
    decode = weights / (n * _col(points, "bandwidth_tbs") * 1e12 * 10**decode_exponent)
    return np.log10(compute + decode)


def _log10_watts(params: dict, points: pd.DataFrame) -> np.ndarray:
    """log10 watts of the measured boundary: the accelerators' share of TDP (growing with the
    batch where it is measured), plus the measured-system model's host at the wall."""
    n_tdp = _col(points, "n_accelerators") * _col(points, "tdp_watts")
    share = points["measurement_boundary"].map(params["log10_accelerator_power_share"]).to_numpy(dtype=float)
    batch = np.log10(_col(points, "batch_size"))
    share = share + params.get("accelerator_power_batch_exponent", 0.0) * np.where(np.isnan(batch), 0.0, batch)
    host = np.nan_to_num(_col(points, "host_watts_modelled"))
    return np.log10(host + n_tdp * 10**share)


def _centre(candidate_id: str, params: dict, points: pd.DataFrame) -> np.ndarray:
    if candidate_id == "paper_formula":
        return log10_paper_formula(points)
    if candidate_id == "flops_calibration":
        offsets = points["measurement_boundary"].map(params["log10_offset"]).to_numpy(dtype=float)
        return log10_paper_formula(points) + offsets
    if candidate_id == "prefill_decode":
        return _log10_watts(params, points) + _log10_seconds(params, points)
    raise ValueError(f"unknown LLM serving candidate {candidate_id!r}; known: {CANDIDATES}")


def _empty_params() -> dict:
    return {
        "log10_offset": {},
        "log10_compute_utilisation": {},
        "log10_bandwidth_utilisation": {},
        "log10_decode_batch_x_bandwidth_utilisation": {},
        "log10_accelerator_power_share": {},
        "var_within": {},
    }


def _fit_power(points: pd.DataFrame, params: dict) -> dict:
    """One TDP share per boundary and its growth with the measured batch, on log10 watts (the
    host of wall rows is the measured-system model's, not refitted)."""
    boundaries = sorted(points["measurement_boundary"].unique())
    has_batch = bool(points["batch_size"].notna().any())

    def unpack(theta):
        out = {**params, "log10_accelerator_power_share": dict(zip(boundaries, theta[: len(boundaries)], strict=True))}
        if has_batch:
            out["accelerator_power_batch_exponent"] = float(theta[-1])
        return out

    y = np.log10(_col(points, "measured_watts"))
    result = optimize.least_squares(
        lambda theta: _log10_watts(unpack(theta), points) - y,
        [-0.3] * len(boundaries) + ([0.0] if has_batch else []),
        method="trf",
    )
    if not np.all(np.isfinite(result.x)) or result.status <= 0:
        raise FitFailed(f"power fit did not converge: {result.message}")
    return unpack(result.x)


def _fit_seconds(points: pd.DataFrame, params: dict) -> dict:
    measured_batch = sorted(points.loc[points["batch_size"].notna(), "serving_source"].unique())
    cells = sorted(
        set(
            zip(
                points.loc[points["batch_size"].isna(), "serving_source"],
                points.loc[points["batch_size"].isna(), "scenario"],
                strict=True,
            )
        )
    )
    compute_cells = sorted(set(_cells(points)), key=_cell_order)
    names = [("u", c) for c in compute_cells] + [("b", s) for s in measured_batch] + [("d", c) for c in cells]

    def unpack(theta):
        out = {
            **params,
            "log10_compute_utilisation": {},
            "log10_bandwidth_utilisation": {},
            "log10_decode_batch_x_bandwidth_utilisation": {},
        }
        for (kind, key), value in zip(names, theta, strict=True):
            target = {
                "u": "log10_compute_utilisation",
                "b": "log10_bandwidth_utilisation",
                "d": "log10_decode_batch_x_bandwidth_utilisation",
            }[kind]
            out[target][key] = value
        return out

    y = -np.log10(_col(points, "tokens_per_second"))

    def residuals(theta):
        return _log10_seconds(unpack(theta), points) - y

    # utilisations at most 1; MLPerf's unmeasured batch x bandwidth utilisation between 1/100
    # and 100,000 (at the upper bound decode costs nothing next to prefill: compute-bound)
    start = [{"u": -0.5, "b": -0.3, "d": 1.0}[kind] for kind, _ in names]
    lower = [{"u": -4.0, "b": -4.0, "d": -2.0}[kind] for kind, _ in names]
    upper = [{"u": 0.0, "b": 0.0, "d": 5.0}[kind] for kind, _ in names]
    result = optimize.least_squares(residuals, start, bounds=(lower, upper), method="trf", max_nfev=5000)
    if not np.all(np.isfinite(result.x)) or result.status <= 0:
        raise FitFailed(f"seconds-per-token fit did not converge: {result.message}")
    return unpack(result.x)


def _variance_components(points: pd.DataFrame, residuals: np.ndarray) -> dict:
    """var_within per source (pooled within chip x source) and var_chip (between the chip x source
    means, less what the within variance explains), by moments."""
    frame = pd.DataFrame(
        {"serving_source": points["serving_source"].to_numpy(), "chip": points["chip"].to_numpy(), "r": residuals}
    )
    var_within = {}
    for source, rows in frame.groupby("serving_source"):
        groups = rows.groupby("chip")["r"]
        dof = int((groups.size() - 1).sum())
        var_within[source] = float(((rows["r"] - groups.transform("mean")) ** 2).sum() / dof) if dof > 0 else 0.0
    if frame["chip"].nunique() < 2:
        raise FitFailed("fewer than 2 chips: no chip variance can be estimated")
    means = frame.groupby(["serving_source", "chip"])["r"].agg(["mean", "size"]).reset_index()
    explained = np.mean([var_within[s] / n for s, n in zip(means["serving_source"], means["size"], strict=True)])
    var_chip = max(0.0, float(np.var(means["mean"], ddof=1)) - float(explained))
    return {"var_chip": var_chip, "var_within": var_within}


def fit(points: pd.DataFrame, candidate_id: str, confidence_level: float = 0.95) -> dict:
    """The parameters of one candidate fitted on `points` (columns POINT_COLUMNS)."""
    if candidate_id not in CANDIDATES:
        raise ValueError(f"unknown LLM serving candidate {candidate_id!r}; known: {CANDIDATES}")
    if points.empty:
        raise FitFailed("no points")
    params = _empty_params()
    params["z_critical"] = float(stats.norm.ppf(0.5 + confidence_level / 2))
    if candidate_id == "paper_formula":
        return params
    measured = np.log10(_col(points, "joules_per_output_token"))
    if candidate_id == "flops_calibration":
        gap = (
            pd.Series(measured - log10_paper_formula(points)).groupby(points["measurement_boundary"].to_numpy()).mean()
        )
        params["log10_offset"] = {k: float(v) for k, v in gap.items()}
    else:
        params = _fit_seconds(points, _fit_power(points, params))
    params.update(_variance_components(points, measured - _centre(candidate_id, params, points)))
    return params


def parameter_rows(candidate_id: str, params: dict) -> pd.DataFrame:
    """The fit as the long table the SQL macro reads: one row per parameter and level."""
    rows = []
    for boundary, value in sorted(params["log10_offset"].items()):
        rows.append((candidate_id, "log10_offset", boundary, None, value))
    for boundary, value in sorted(params["log10_accelerator_power_share"].items()):
        rows.append((candidate_id, "log10_accelerator_power_share", boundary, None, value))
    for (source, scenario), value in sorted(
        params["log10_compute_utilisation"].items(), key=lambda item: _cell_order(item[0])
    ):
        rows.append((candidate_id, "log10_compute_utilisation", source, scenario, value))
    for name in ("log10_bandwidth_utilisation", "var_within"):
        for source, value in sorted(params[name].items()):
            rows.append((candidate_id, name, source, None, value))
    for (source, scenario), value in sorted(params["log10_decode_batch_x_bandwidth_utilisation"].items()):
        rows.append((candidate_id, "log10_decode_batch_x_bandwidth_utilisation", source, scenario, value))
    for name in ("accelerator_power_batch_exponent", "var_chip", "z_critical"):
        if name in params:
            rows.append((candidate_id, name, None, None, params[name]))
    out = pd.DataFrame(rows, columns=PARAMETER_COLUMNS)
    out["estimate"] = out["estimate"].astype(float)
    return out


def params_from_rows(rows: pd.DataFrame) -> dict:
    """parameter_rows read back: what predict (and the SQL macro) use."""
    params = _empty_params()
    for row in rows.itertuples(index=False):
        if row.parameter == "log10_decode_batch_x_bandwidth_utilisation":
            params[row.parameter][(row.parameter_level, row.scenario)] = row.estimate
        elif row.parameter == "log10_compute_utilisation":
            params[row.parameter][(row.parameter_level, row.scenario if isinstance(row.scenario, str) else None)] = (
                row.estimate
            )
        elif row.parameter in params and isinstance(params[row.parameter], dict):
            params[row.parameter][row.parameter_level] = row.estimate
        else:
            params[row.parameter] = row.estimate
    return params


def predict(candidate_id: str, rows: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """log10 J per output token and the half width of its 95 % prediction interval (NaN for
    paper_formula, which has none, and where a level was never fitted)."""
    params = params_from_rows(rows)
    centre = _centre(candidate_id, params, points)
    if candidate_id == "paper_formula":
        half = np.full(len(points), np.nan)
    else:
        within = points["serving_source"].map(params["var_within"]).to_numpy(dtype=float)
        half = params["z_critical"] * np.sqrt(params.get("var_chip", np.nan) + within)
    return pd.DataFrame({"predicted_log10_joules": centre, "pred95_half_width_log10": half}, index=points.index)


def cross_validate(points: pd.DataFrame, candidate_id: str, group: str) -> pd.DataFrame:
    """Leave one `group` out: each row predicted by a fit without its group. A fold that cannot be
    fitted keeps its rows, with null predictions and the reason."""
    out = []
    for value, held_out in points.groupby(group, sort=True):
        frame = pd.DataFrame({"llm_measurement_id": held_out["llm_measurement_id"].to_numpy()})
        try:
            rows = parameter_rows(candidate_id, fit(points[points[group] != value], candidate_id))
            predicted = predict(candidate_id, rows, held_out)
            frame["predicted_log10_joules"] = predicted["predicted_log10_joules"].to_numpy()
            frame["pred95_half_width_log10"] = predicted["pred95_half_width_log10"].to_numpy()
            frame["fit_failure"] = None
        except FitFailed as failure:
            frame["predicted_log10_joules"] = np.nan
            frame["pred95_half_width_log10"] = np.nan
            frame["fit_failure"] = str(failure)
        frame["held_out"] = value
        out.append(frame)
    return pd.concat(out, ignore_index=True)
