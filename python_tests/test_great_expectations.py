"""The great-expectations suite on the marts: passes on the real build, fails on bad data."""

from __future__ import annotations

import validate_marts


def test_marts_pass_the_great_expectations_suite(warehouse, capsys):
    results = validate_marts.validate(validate_marts.read_frames(warehouse.db_path))
    with capsys.disabled():
        print("\n" + validate_marts.summary(results))
    assert len(results) >= 10
    assert all(r.success for r in results), validate_marts.summary(results)


def test_suite_catches_a_decreasing_efficiency_and_a_lost_row(warehouse):
    frames = validate_marts.read_frames(warehouse.db_path)
    cv = frames["fct_inference_energy__cv_by_date"].copy()
    cv.loc[len(cv) - 1, "gflops_per_watt_at_release"] = cv["gflops_per_watt_at_release"].iloc[0] / 2
    frames["fct_inference_energy__cv_by_date"] = cv
    frames["fct_inference_energy"] = frames["fct_inference_energy"].iloc[1:]
    results = {r.mart: r for r in validate_marts.validate(frames)}
    assert not results["fct_inference_energy__cv_by_date"].success
    assert not results["fct_inference_energy"].success
    assert any("row_count" in message and "109" in message for message in results["fct_inference_energy"].failed)
    assert results["fct_gpu_efficiency"].success
