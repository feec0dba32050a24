"""The measured-system model: its maths on synthetic servers whose parameters we set, its
interval for a chip it never saw, and the Python predict against the warehouse's SQL macro."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inference_energy.science import measured_system as ms

ALL_TERMS = [
    "host",
    "host_per_accelerator",
    "accelerator_power_by_power_mode",
    "utilisation_by_scenario_format",
    "utilisation_gflops",
]
TRUTH = {"host": 150.0, "host_per_slot": 60.0, "share": {"MaxQ": 0.55, "MaxP": 0.9}}
CELLS = {("offline", "int8"): 0.30, ("server", "int8"): 0.24, ("offline", "fp16"): 0.45, ("server", "fp16"): 0.40}


def synthetic(noise: float = 0.0, chip_sd: float = 0.0, seed: int = 3, n_chips: int = 6) -> pd.DataFrame:
    """Servers built from known parts: wall = host + slots + n x share x TDP, throughput = n x peak
    x utilisation / GFLOPs (utilisation grows as GFLOPs^0.1)."""
    rng = np.random.default_rng(seed)
    chips = {f"chip{i}": (100.0 + 90 * i, 200.0 * (i + 1)) for i in range(n_chips)}  # TDP, int8 peak
    chip_effect = {c: rng.normal(0, chip_sd) for c in chips}
    rows = []
    for c, (tdp, peak_int8) in chips.items():
        for n in (1, 4, 8):
            for mode in ("MaxQ", "MaxP"):
                for (scenario, fmt), u in CELLS.items():
                    for gflops in (8.2, 260.0):
                        peak = peak_int8 if fmt == "int8" else peak_int8 / 2
                        watts = TRUTH["host"] + TRUTH["host_per_slot"] * n + n * TRUTH["share"][mode] * tdp
                        utilisation = u * (gflops / 10) ** 0.1 * 10 ** chip_effect[c]
                        sps = n * peak * 1000 * utilisation / gflops
                        watts *= 10 ** rng.normal(0, noise)
                        rows.append(
                            {
                                "result_id": f"{c}-{n}-{mode}-{scenario}-{fmt}-{gflops}",
                                "chip": c,
                                "gpu_id": c,
                                "system_name": f"{c} x{n} {mode}",
                                "round_label": f"v{n}",
                                "scenario": scenario,
                                "compute_format": fmt,
                                "power_mode": mode,
                                "n_accelerators": n,
                                "tdp_watts": tdp,
                                "peak_tflops": peak,
                                "gflops_per_sample": gflops,
                                "avg_system_watts": watts,
                                "samples_per_second": sps,
                            }
                        )
    out = pd.DataFrame(rows)
    out["log10_measured_joules"] = np.log10(out["avg_system_watts"] / out["samples_per_second"])
    return out


def test_exact_servers_give_back_their_parts():
    points = synthetic()
    params = ms.fit(points, ALL_TERMS)
    assert 10 ** params["log10_host_watts"] == pytest.approx(TRUTH["host"], rel=1e-4)
    assert 10 ** params["log10_host_watts_per_accelerator"] == pytest.approx(TRUTH["host_per_slot"], rel=1e-4)
    for mode, share in TRUTH["share"].items():
        assert 10 ** params["log10_accelerator_power_share"][mode] == pytest.approx(share, rel=1e-4)
    assert params["utilisation_gflops_exponent"] == pytest.approx(0.1, abs=1e-6)
    for cell, u in CELLS.items():
        assert 10 ** params["log10_utilisation"][cell] == pytest.approx(u * 10**-0.1, rel=1e-4)
    rows = ms.parameter_rows("exact", params)
    predicted = ms.predict(rows, points)
    assert predicted["predicted_log10_joules"].to_numpy() == pytest.approx(points["log10_measured_joules"], abs=1e-6)


def test_a_one_accelerator_server_costs_more_and_is_less_sure():
    points = synthetic(noise=0.03, chip_sd=0.05)
    rows = ms.parameter_rows("noisy", ms.fit(points, ALL_TERMS))
    one = points[(points["n_accelerators"] == 1)].reset_index(drop=True)
    eight = points[(points["n_accelerators"] == 8)].reset_index(drop=True)
    p1, p8 = ms.predict(rows, one), ms.predict(rows, eight)
    assert (p1["predicted_log10_joules"] > p8["predicted_log10_joules"]).all()
    assert (p1["host_share"] > p8["host_share"]).all()
    assert (p1["pred95_half_width_log10"] >= p8["pred95_half_width_log10"]).all()


def test_a_chip_never_seen_is_covered_by_its_interval():
    # chips differ by a utilisation effect of sd 0.08 (log10): a 95 % interval for a new chip must
    # hold most chips' results (coarse with 10 chips: each chip is in or out as a block)
    points = synthetic(noise=0.02, chip_sd=0.08, seed=11, n_chips=10)
    held = ms.cross_validate(points, "cv", ALL_TERMS, "chip").merge(points[["result_id", "log10_measured_joules"]])
    assert held["fit_failure"].isna().all()
    error = (held["predicted_log10_joules"] - held["log10_measured_joules"]).abs()
    assert (error <= held["pred95_half_width_log10"]).mean() >= 0.85
    # and the interval is about as wide as the chip effect says (z x sd for the chip part alone)
    assert held["pred95_half_width_log10"].median() == pytest.approx(1.96 * 0.08, rel=0.6)


def test_unseen_levels_get_no_prediction_and_bad_candidates_fail_by_name():
    points = synthetic()
    rows = ms.parameter_rows("x", ms.fit(points[points["compute_format"] == "int8"], ALL_TERMS))
    predicted = ms.predict(rows, points)
    fp16 = points["compute_format"] == "fp16"
    assert predicted.loc[fp16, "predicted_log10_joules"].isna().all()
    assert predicted.loc[~fp16, "predicted_log10_joules"].notna().all()
    with pytest.raises(ValueError, match="unknown measured-system term"):
        ms.fit(points, ["host", "utilisation_by_scenario_format", "gpu_brand"])
    with pytest.raises(ValueError, match="needs the term"):
        ms.fit(points, ["host"])


def test_a_fold_that_cannot_be_fitted_is_kept_with_its_reason():
    points = synthetic()
    two_chips = points[points["chip"].isin(["chip0", "chip1"])]
    held = ms.cross_validate(two_chips, "cv", ALL_TERMS, "chip")
    # leaving one of two chips out leaves one chip: no chip variance, said per fold, no row dropped
    assert len(held) == len(two_chips)
    assert held["predicted_log10_joules"].isna().all()
    assert held["fit_failure"].str.contains("fewer than 2 chips").all()


def test_one_shared_share_serves_every_power_mode():
    points = synthetic()
    terms = [t for t in ALL_TERMS if t != "accelerator_power_by_power_mode"]
    rows = ms.parameter_rows("shared", ms.fit(points, terms))
    shares = rows[rows["parameter"] == "log10_accelerator_power_share"]
    assert len(shares) == 1 and shares["power_mode"].isna().all()
    assert ms.predict(rows, points)["predicted_log10_joules"].notna().all()


def test_python_and_the_warehouse_price_every_measured_result_alike(warehouse):
    """One formula: the SQL macro (int_measured_energy_predicted, via fct_measured_vs_estimated)
    and measured_system.predict on the chosen candidate's parameter rows."""
    rows = pd.DataFrame(
        warehouse.query(
            "select candidate_id, parameter, scenario, compute_format, power_mode, estimate "
            "from marts.fct_measured_energy_calibration where is_chosen"
        ),
        columns=ms.PARAMETER_COLUMNS,
    )
    assert not rows.empty
    results = pd.DataFrame(
        warehouse.query(
            "select m.result_id, m.scenario, m.compute_format, m.power_mode, m.n_accelerators, "
            "p.watts, p.tflops, m.gflops_per_sample, m.calibrated_joules_per_sample, "
            "m.calibrated_pred95_high_joules_per_sample, m.host_share_of_energy "
            "from marts.fct_measured_vs_estimated as m "
            "inner join marts.fct_gpu_peaks_by_number_format as p "
            "on m.gpu_id = p.gpu_id and m.compute_format = p.number_format "
            "where m.is_calibration_point"
        ),
        columns=[
            "result_id",
            "scenario",
            "compute_format",
            "power_mode",
            "n_accelerators",
            "tdp_watts",
            "peak_tflops",
            "gflops_per_sample",
            "sql_joules",
            "sql_high",
            "sql_host_share",
        ],
    )
    assert len(results) > 100
    predicted = ms.predict(rows, results)
    assert 10 ** predicted["predicted_log10_joules"].to_numpy() == pytest.approx(results["sql_joules"], rel=1e-9)
    high = 10 ** (predicted["predicted_log10_joules"] + predicted["pred95_half_width_log10"])
    assert high.to_numpy() == pytest.approx(results["sql_high"], rel=1e-9)
    assert predicted["host_share"].to_numpy() == pytest.approx(results["sql_host_share"], rel=1e-9)
