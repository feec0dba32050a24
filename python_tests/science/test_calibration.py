"""The measured-energy calibration: its maths against independent computations, and the
warehouse's marts and DuckDB macro against each other and against the source material."""

from __future__ import annotations

import csv
import math

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import REPO
from scipy import stats

from inference_energy.science import calibration


def synthetic(n=40, seed=1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.5, -1.0, n)
    scenario = np.where(np.arange(n) % 3 == 0, "server", "offline")
    y = 0.4 + 0.8 * x + 0.1 * (scenario == "server") + rng.normal(0, 0.05, n)
    return pd.DataFrame(
        {
            "result_id": [f"r{i}" for i in range(n)],
            "gpu_id": [f"g{i % 5}" for i in range(n)],
            "round_label": [f"v{i % 4}" for i in range(n)],
            "scenario": scenario,
            "precision": "int8",
            "log10_datasheet_joules": x,
            "log10_measured_joules": y,
        }
    )


def test_slope_fit_and_prediction_interval_match_textbook_ols():
    points = synthetic()
    model = calibration.fit(points, ["intercept", "log10_datasheet"])
    x, y = points["log10_datasheet_joules"].to_numpy(), points["log10_measured_joules"].to_numpy()
    slope, intercept = np.polyfit(x, y, 1)
    assert model["beta"] == pytest.approx([intercept, slope])
    n = x.size
    s = math.sqrt(((y - intercept - slope * x) ** 2).sum() / (n - 2))
    new = points.iloc[:3].assign(log10_datasheet_joules=[-4.0, -2.0, 0.0])
    centre, half = calibration.predict(model, new)
    sxx = ((x - x.mean()) ** 2).sum()
    for x0, c, h in zip([-4.0, -2.0, 0.0], centre, half, strict=True):
        assert c == pytest.approx(intercept + slope * x0)
        assert h == pytest.approx(stats.t.ppf(0.975, n - 2) * s * math.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx))


def test_offset_candidate_is_one_constant_factor():
    points = synthetic()
    model = calibration.fit(points, ["intercept"])
    expected = (points["log10_measured_joules"] - points["log10_datasheet_joules"]).mean()
    assert model["beta"] == pytest.approx([expected])
    centre, _ = calibration.predict(model, points.iloc[:1])
    assert centre[0] == pytest.approx(points["log10_datasheet_joules"].iloc[0] + expected)


def test_scenario_effect_is_recovered_and_unknown_terms_fail():
    model = calibration.fit(synthetic(400), ["intercept", "log10_datasheet", "scenario"])
    assert model["names"] == ["intercept", "log10_datasheet", "scenario=server"]
    assert model["beta"] == pytest.approx([0.4, 0.8, 0.1], abs=0.03)
    with pytest.raises(ValueError, match="unknown calibration term"):
        calibration.fit(synthetic(), ["intercept", "gpu_class"])


def test_leaving_a_gpu_out_predicts_it_from_the_others():
    points = synthetic()
    held = calibration.cross_validate(points, ["intercept", "log10_datasheet"], "gpu_id").set_index("result_id")
    others = points[points["gpu_id"] != "g2"]
    mine = points[points["gpu_id"] == "g2"]
    centre, half = calibration.predict(calibration.fit(others, ["intercept", "log10_datasheet"]), mine)
    assert held.loc[mine["result_id"], "predicted"].to_numpy() == pytest.approx(centre)
    assert held.loc[mine["result_id"], "half"].to_numpy() == pytest.approx(half)
    assert len(held) == len(points)


def test_the_macro_returns_the_marts_prediction(warehouse):
    con = duckdb.connect(str(warehouse.db_path), read_only=True)
    pairs = {
        ("h100_sxm5", "int8"),
        ("b200", "int8"),
        ("t4", "fp16"),
        ("a100", "fp16"),
        ("l40s", "int8"),
        ("l4", "int8"),
    }
    try:
        rows = con.execute(
            "select gpu_id, precision, benchmark, scenario, n_accelerators, power_mode, gflops_per_sample, "
            "predicted_joules_per_sample, pred95_low_joules_per_sample, pred95_high_joules_per_sample "
            "from marts.fct_measured_energy_predictions where (gpu_id, precision) in (select * from (values "
            + ", ".join(f"('{g}', '{p}')" for g, p in sorted(pairs))
            + ")) order by all"
        ).fetchall()
        assert {(gpu, precision) for gpu, precision, *_ in rows} == pairs  # every pair has predictions
        assert {(r[4], r[5]) for r in rows} == {(1, "MaxQ"), (1, "MaxP"), (8, "MaxQ"), (8, "MaxP")}
        for gpu, precision, _, scenario, n, mode, gflops, predicted, low, high in rows:
            assert predicted is not None, (gpu, precision, scenario, n, mode)
            [(estimate,)] = con.execute(
                "select marts.estimate_measured_joules(?, ?, ?, ?, n_accelerators_value := ?, power_mode_value := ?)",
                [gflops, gpu, precision, scenario, n, mode],
            ).fetchall()
            assert (
                estimate["predicted_joules_per_sample"],
                estimate["pred95_low_joules_per_sample"],
                estimate["pred95_high_joules_per_sample"],
            ) == pytest.approx((predicted, low, high), rel=1e-9)
        # the 4-argument form is the 8-accelerator MaxQ server
        [(four, eight)] = con.execute(
            "select marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline'), "
            "marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline', n_accelerators_value := 8, "
            "power_mode_value := 'MaxQ')"
        ).fetchall()
        assert four == eight
        [(no_fp8, no_format, no_mode)] = con.execute(
            "select marts.estimate_measured_joules(8.2, 'a100', 'fp8', 'offline'), "
            "marts.estimate_measured_joules(8.2, 'h100_sxm5', 'fp8', 'offline'), "
            "marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline', power_mode_value := 'turbo')"
        ).fetchall()
        # the A100 has no FP8; no FP8 result was ever measured; no such power mode: no guess
        assert no_fp8 is None and no_format is None and no_mode is None
    finally:
        con.close()


def test_predictions_cover_every_gpu_with_a_peak_measured_or_not(warehouse):
    settings = warehouse.query("select n_accelerators, power_mode from marts.fct_measured_energy_predictions")
    systems = {(int(n), mode) for n, mode in settings}
    with open(REPO / "seeds" / "project" / "measured_system_settings.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    counts = {int(r["value"]) for r in rows if r["setting"] == "n_accelerators"}
    modes = {r["value"] for r in rows if r["setting"] == "power_mode"}
    assert systems == {(n, m) for n in counts for m in modes}
    expected = {
        (gpu, fmt, bench, scenario, n, mode)
        for gpu, fmt in warehouse.query(
            "select p.gpu_id, p.number_format from marts.fct_gpu_peaks_by_number_format as p "
            "inner join marts.dim_gpus as d on p.gpu_id = d.gpu_id where d.vendor = 'NVIDIA'"
        )
        for bench in ("resnet50", "bert_large")
        for scenario in ("offline", "server")
        for n, mode in systems
    }
    got = set(
        warehouse.query(
            "select gpu_id, precision, benchmark, scenario, n_accelerators, power_mode "
            "from marts.fct_measured_energy_predictions"
        )
    )
    assert got == expected
    # priced exactly where the model saw the compute format: nothing is guessed for fp8, bf16, ...
    for measured, priced in warehouse.query(
        "select is_precision_measured, predicted_joules_per_sample is not null "
        "from marts.fct_measured_energy_predictions"
    ):
        assert measured == priced
    never_measured = {
        g
        for (g,) in warehouse.query(
            "select distinct gpu_id from marts.fct_measured_energy_predictions "
            "where not is_gpu_measured and predicted_joules_per_sample is not null"
        )
    }
    assert {"h200_sxm", "l40s", "b200"} <= never_measured


def test_every_nvidia_result_of_the_source_is_compared(warehouse):
    with open(REPO / "seeds" / "extension" / "extension_measured_inference_energy.csv", newline="") as fh:
        nvidia = {r["result_id"] for r in csv.DictReader(fh) if r["accelerator"].startswith("NVIDIA")}
    got = {
        r for (r,) in warehouse.query("select result_id from marts.fct_measured_vs_estimated where vendor = 'NVIDIA'")
    }
    assert got == nvidia
    # the two estimates and the chosen model are scored held out by chip, with coverage, in a mart
    methods = dict(
        warehouse.query(
            "select coalesce(candidate_id, method), median_abs_log10_error from marts.fct_calibration_scores "
            "where scheme in ('none', 'leave_one_chip_out') and (candidate_id is null or is_chosen)"
        )
    )
    assert len(methods) == 3 and all(v > 0 for v in methods.values())
    [(coverage, minimum, kind)] = warehouse.query(
        "select pred95_coverage, chosen_coverage_min, model_kind from marts.fct_calibration_scores "
        "where is_chosen and scheme = 'leave_one_chip_out'"
    )
    assert minimum <= coverage <= 1 and kind == "measured_system"


def test_the_paper_method_macros_return_the_marts_numbers(warehouse):
    """marts.joules_per_inference / gpu_efficiency_at (persisted in the file) against
    fct_inference_energy, for every model of the paper with GFLOPs."""
    rows = warehouse.query(
        "select model_id, joules_per_inference, joules_per_inference_mean_ci95_low, joules_per_inference_pred95_high, "
        "gflops_per_watt_at_release_pred95_low, is_efficiency_extrapolated, "
        "marts.joules_per_inference(gflops, release_date, domain) as j, "
        "marts.gpu_efficiency_at(release_date, domain) as e "
        "from marts.fct_inference_energy where gflops is not null"
    )
    assert rows
    for model_id, joules, mean_low, pred_high, efficiency_low, extrapolated, j, e in rows:
        assert (j["joules_per_inference"], j["mean_ci95_low"], j["pred95_high"]) == pytest.approx(
            (joules, mean_low, pred_high), rel=1e-12
        ), model_id
        assert e["pred95_low"] == pytest.approx(efficiency_low, rel=1e-12) and e["is_extrapolated"] == extrapolated
    [(unknown,)] = warehouse.query("select marts.joules_per_inference(7.6, date '2015-12-10', 'speech')")
    assert unknown is None
