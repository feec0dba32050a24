"""The LLM serving model: the paper's formula by hand, the prefill/decode model's parts recovered
from synthetic servers whose parameters we set, failed folds kept, and the Python predict held to
the warehouse's SQL (the predictions mart and the persisted macro estimate_llm_joules)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import REPO

from inference_energy.science import llm_serving as ls

TRUTH = {
    "share": {"wall": 0.6, "gpu": 0.7},
    "batch_exponent": 0.05,
    "u_compute": {("mlperf", "offline"): 0.35, ("mlperf", "server"): 0.28, ("ml_energy", None): 0.2},
    "u_bandwidth": 0.5,
    "decode": {("mlperf", "offline"): 40.0, ("mlperf", "server"): 20.0},
    "host": 1500.0,
}
MODELS = [(8.0, 8.0, 300.0, 100.0), (70.0, 70.0, 500.0, 300.0), (46.7, 12.9, 150.0, 150.0)]  # total, active, in, out


def synthetic(noise: float = 0.0, chip_sd: float = 0.0, seed: int = 5, n_chips: int = 5) -> pd.DataFrame:
    """Serving runs built from known parts: MLPerf systems at the wall (batch unknown, a decode
    factor per scenario) and GPU-only runs at measured batches."""
    rng = np.random.default_rng(seed)
    chips = {f"gpu{i}": (300.0 + 100 * i, 300.0 * (i + 1), 1.0 + 0.8 * i) for i in range(n_chips)}  # TDP, peak, TB/s
    effect = {c: rng.normal(0, chip_sd) for c in chips}
    rows = []
    for chip, (tdp, peak, bandwidth) in chips.items():
        for total, active, inp, out in MODELS:
            configs = [("mlperf", "wall", s, 8, np.nan, inp) for s in ("offline", "server")]
            configs += [
                ("ml_energy", "gpu", "online_serving", n, b, np.nan) for n in (1, 4) for b in (1.0, 16.0, 128.0)
            ]
            for source, boundary, scenario, n, batch, input_tokens in configs:
                cell = (source, None) if np.isfinite(batch) else (source, scenario)
                prompt = 1 + (0 if np.isnan(input_tokens) else input_tokens / out)
                compute = 2 * active * 1e9 * prompt / (n * peak * 1e12 * TRUTH["u_compute"][cell])
                if np.isfinite(batch):
                    touched = 1 - (1 - active / total) ** batch
                    decode_factor = TRUTH["u_bandwidth"] * batch
                else:
                    touched, decode_factor = 1.0, TRUTH["decode"][cell]
                decode = total * 1e9 * 2 * touched / (n * bandwidth * 1e12 * decode_factor)
                seconds = (compute + decode) * 10 ** effect[chip]
                share = TRUTH["share"][boundary] * (batch ** TRUTH["batch_exponent"] if np.isfinite(batch) else 1)
                host = TRUTH["host"] if boundary == "wall" else 0.0
                watts = (host + n * tdp * share) * 10 ** rng.normal(0, noise)
                rows.append(
                    {
                        "llm_measurement_id": f"{chip}-{total}-{source}-{scenario}-{n}-{batch}",
                        "chip": chip,
                        "round_label": source,
                        "serving_source": source,
                        "measurement_boundary": boundary,
                        "scenario": scenario,
                        "n_accelerators": n,
                        "tdp_watts": tdp,
                        "peak_tflops": peak,
                        "bandwidth_tbs": bandwidth,
                        "bytes_per_parameter": 2.0,
                        "total_params_b": total,
                        "active_params_b": active,
                        "input_tokens": input_tokens,
                        "output_tokens": out,
                        "batch_size": batch,
                        "host_watts_modelled": host,
                        "measured_watts": watts,
                        "tokens_per_second": 1 / seconds,
                        "joules_per_output_token": watts * seconds,
                    }
                )
    return pd.DataFrame(rows)


def test_the_paper_formula_is_eq_2_per_output_token():
    """70 B active parameters on an H100 SXM (989.4 dense fp16 TFLOPS, 700 W): 2 x 70e9 FLOPs /
    (989.4e12 / 700 FLOPS per W) = 0.09905 J (by hand)."""
    point = pd.DataFrame({"active_params_b": [70.0], "peak_tflops": [989.4], "tdp_watts": [700.0]})
    assert 10 ** ls.log10_paper_formula(point)[0] == pytest.approx(2 * 70e9 * 700 / 989.4e12, rel=1e-12)
    assert 2 * 70e9 * 700 / 989.4e12 == pytest.approx(0.09905, rel=1e-4)


def test_prefill_decode_recovers_the_parts_of_noiseless_servers():
    params = ls.fit(synthetic(), "prefill_decode")
    assert params["log10_accelerator_power_share"]["wall"] == pytest.approx(np.log10(0.6), abs=1e-6)
    assert params["log10_accelerator_power_share"]["gpu"] == pytest.approx(np.log10(0.7), abs=1e-6)
    assert params["accelerator_power_batch_exponent"] == pytest.approx(0.05, abs=1e-6)
    for cell, u in TRUTH["u_compute"].items():
        assert 10 ** params["log10_compute_utilisation"][cell] == pytest.approx(u, rel=1e-4)
    assert 10 ** params["log10_bandwidth_utilisation"]["ml_energy"] == pytest.approx(0.5, rel=1e-4)
    for cell, d in TRUTH["decode"].items():
        assert 10 ** params["log10_decode_batch_x_bandwidth_utilisation"][cell] == pytest.approx(d, rel=1e-3)
    assert params["var_chip"] == pytest.approx(0.0, abs=1e-10)


def test_a_mixture_of_experts_at_batch_one_reads_only_its_active_weights():
    """Decode reads total x (1 - (1 - active/total)^batch): at batch 1 the active share."""
    base = (
        synthetic()
        .iloc[[0]]
        .assign(
            serving_source="ml_energy",
            measurement_boundary="gpu",
            batch_size=1.0,
            input_tokens=np.nan,
            host_watts_modelled=0.0,
        )
    )
    params = {**ls._empty_params(), "z_critical": 1.96}
    params["log10_compute_utilisation"][("ml_energy", None)] = 30.0  # compute costs nothing
    params["log10_bandwidth_utilisation"]["ml_energy"] = 0.0
    dense = base.assign(total_params_b=12.0, active_params_b=12.0)
    moe = base.assign(total_params_b=48.0, active_params_b=12.0)
    assert ls._log10_seconds(params, moe)[0] == pytest.approx(ls._log10_seconds(params, dense)[0], abs=1e-9)


def test_an_unseen_chip_falls_inside_the_interval_of_a_fit_with_chip_variance():
    points = synthetic(noise=0.02, chip_sd=0.08, n_chips=8, seed=11)
    folds = ls.cross_validate(points, "prefill_decode", "chip").merge(points, on="llm_measurement_id")
    error = np.abs(np.log10(folds["joules_per_output_token"]) - folds["predicted_log10_joules"])
    assert folds["fit_failure"].isna().all()
    assert (error <= folds["pred95_half_width_log10"]).mean() >= 0.9


def test_parameter_rows_read_back_predict_what_the_fit_predicts():
    points = synthetic(noise=0.05, chip_sd=0.05)
    for candidate in ls.CANDIDATES:
        params = ls.fit(points, candidate)
        rows = ls.parameter_rows(candidate, params)
        direct = ls._centre(candidate, params, points)
        assert ls.predict(candidate, rows, points)["predicted_log10_joules"].to_numpy() == pytest.approx(
            direct, rel=1e-12
        )


def test_a_fold_that_cannot_be_fitted_keeps_its_rows_with_the_reason():
    points = synthetic(n_chips=2)
    folds = ls.cross_validate(points, "flops_calibration", "chip")
    assert len(folds) == len(points)
    assert folds["fit_failure"].fillna("").str.contains("fewer than 2 chips").all()
    assert folds["predicted_log10_joules"].isna().all()


def test_an_unknown_candidate_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown LLM serving candidate 'magic'"):
        ls.fit(synthetic(), "magic")


def _prefill_decode_rows(warehouse) -> pd.DataFrame:
    rows = pd.DataFrame(
        warehouse.query(
            "select candidate_id, parameter, parameter_level, scenario, estimate from marts.fct_llm_serving_parameters "
            "where candidate_id = 'prefill_decode'"
        ),
        columns=ls.PARAMETER_COLUMNS,
    )
    assert not rows.empty
    return rows


def test_python_prices_the_predictions_mart_as_the_warehouse_does(warehouse):
    """One formula: the SQL macro (fct_llm_energy_predictions) and llm_serving.predict."""
    columns = [
        "benchmark",
        "gpu_id",
        "precision",
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
        "host_watts_modelled",
        "sql_joules",
        "sql_high",
    ]
    grid = pd.DataFrame(
        warehouse.query(
            "with host as (select pow(10, any_value(estimate) filter (where parameter = 'log10_host_watts')) as base, "
            "coalesce(pow(10, any_value(estimate) filter (where parameter = 'log10_host_watts_per_accelerator')), 0) "
            "as per_slot from marts.fct_measured_energy_calibration where is_chosen) "
            "select p.benchmark, p.gpu_id, p.precision, p.scenario, p.n_accelerators, s.tdp_watts, s.peak_tflops, "
            "s.memory_bandwidth_tbs, s.bytes_per_parameter, p.total_params_b, p.active_params_b, p.input_tokens, "
            "p.output_tokens, host.base + p.n_accelerators * host.per_slot, p.predicted_joules_per_output_token, "
            "p.pred95_high_joules_per_output_token "
            "from marts.fct_llm_energy_predictions as p cross join host "
            "inner join marts.fct_llm_gpu_specs as s on p.gpu_id = s.gpu_id and p.precision = s.precision "
            "where p.predicted_joules_per_output_token is not null"
        ),
        columns=columns,
    )
    assert len(grid) > 50
    points = grid.assign(serving_source="mlperf", measurement_boundary="wall", batch_size=np.nan)
    predicted = ls.predict("prefill_decode", _prefill_decode_rows(warehouse), points)
    assert 10 ** predicted["predicted_log10_joules"].to_numpy() == pytest.approx(grid["sql_joules"], rel=1e-9)
    high = 10 ** (predicted["predicted_log10_joules"] + predicted["pred95_half_width_log10"])
    assert high.to_numpy() == pytest.approx(grid["sql_high"], rel=1e-9)


def test_the_persisted_macro_returns_the_predictions_mart(warehouse):
    rows = warehouse.query(
        "select p.predicted_joules_per_output_token, p.pred95_low_joules_per_output_token, "
        "p.predicted_joules_per_request, marts.estimate_llm_joules(p.total_params_b, p.active_params_b, "
        "p.input_tokens, p.output_tokens, p.gpu_id, p.precision, p.scenario) "
        "from marts.fct_llm_energy_predictions as p where p.benchmark = 'llama2-70b'"
    )
    assert any(row[0] is not None for row in rows)
    for mart_token, mart_low, mart_request, macro in rows:
        if mart_token is None:  # a scenario never fitted (interactive): null in both
            assert macro is None
            continue
        assert macro["joules_per_output_token"] == pytest.approx(mart_token, rel=1e-12)
        assert macro["pred95_low_joules_per_output_token"] == pytest.approx(mart_low, rel=1e-12)
        assert macro["joules_per_request"] == pytest.approx(mart_request, rel=1e-12)


def test_every_measured_row_of_the_seed_is_in_the_mart(warehouse):
    seed = pd.read_csv(REPO / "seeds" / "extension" / "extension_llm_measured_energy.csv", dtype=str)
    ids = {row[0] for row in warehouse.query("select llm_measurement_id from marts.fct_llm_measured_vs_estimated")}
    assert ids == set(seed["llm_measurement_id"])
