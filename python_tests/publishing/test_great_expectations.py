"""The Parquet exports keep the marts' contracts (great-expectations checkpoints)."""

from __future__ import annotations

import pytest

from inference_energy.publishing import export_validation as validate_exports


@pytest.fixture(scope="module")
def exported(warehouse):
    project = warehouse.db_path.parent.parent
    contracts = validate_exports.contracts_from_manifest(project / "target" / "manifest.json")
    frames = validate_exports.read_exports(warehouse.db_path.parent / "exports", list(contracts))
    rows = validate_exports.warehouse_row_counts(warehouse.db_path, list(contracts))
    return contracts, frames, rows


def test_every_export_keeps_its_marts_contract(exported, capsys):
    contracts, frames, rows = exported
    assert "dim_gpus" in contracts and "fct_inference_energy" in contracts
    results = validate_exports.validate(frames, contracts, rows)
    with capsys.disabled():
        print("\n" + validate_exports.summary(results))
    assert {r.mart for r in results} == set(contracts)
    assert all(r.success for r in results), validate_exports.summary(results)


def test_a_lost_row_a_dropped_column_and_a_null_key_are_caught(exported):
    contracts, frames, rows = exported
    frames = dict(frames)
    frames["fct_inference_energy"] = frames["fct_inference_energy"].iloc[1:]
    frames["dim_gpus"] = frames["dim_gpus"].drop(columns=["watts"])
    trends = frames["fct_trend_fits"].copy()
    trends.loc[0, "trend_id"] = None
    frames["fct_trend_fits"] = trends
    del frames["fct_paper_errata"]
    results = {r.mart: r for r in validate_exports.validate(frames, contracts, rows)}
    assert any("row_count" in m for m in results["fct_inference_energy"].failed)
    assert any("match_ordered_list" in m for m in results["dim_gpus"].failed)
    assert any("not_be_null" in m and "trend_id" in m for m in results["fct_trend_fits"].failed)
    assert results["fct_paper_errata"].failed == ["no export fct_paper_errata.parquet"]
    assert results["fct_gpu_efficiency"].success
