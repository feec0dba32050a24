"""End to end: every seed row reaches the warehouse, typed and keyed, and the build writes only
the warehouse and its exports. Expected values come from the seeds read here, never from a
previous run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, seed_rows

SEEDS = REPO / "seeds"
# The paper's data end: its latest model, ViT-G/14 in Table B.2, was released on 2021-06-08.
# Claims of the paper are checked over models up to then, so that a row added later does not
# change what is checked.
PAPER_WINDOW_END = "2021-06-30"


def staging_model(seed_path: Path) -> str:
    name = seed_path.stem
    folder = seed_path.parent.name
    # extension seeds carry their folder as a prefix (seed names are global in dbt)
    return {"paper_errata": "stg_paper__errata", "published_statistics": "stg_paper__published_statistics"}.get(
        name, f"stg_{folder}__{name.removeprefix(folder + '_')}"
    )


@pytest.mark.parametrize("seed", sorted(p.stem for p in SEEDS.glob("*/*.csv")))
def test_every_seed_row_reaches_staging(warehouse, seed):
    [path] = list(SEEDS.glob(f"*/{seed}.csv"))
    (raw,) = warehouse.query(f"select count(*) from raw.{seed}")[0]
    (staged,) = warehouse.query(f"select count(*) from staging.{staging_model(path)}")[0]
    assert raw == staged == len(seed_rows(seed))


def test_every_model_row_reaches_the_energy_mart(warehouse):
    expected = {("cv", r["model_id"]) for r in seed_rows("cv_models")} | {
        ("nlp", r["model_id"]) for r in seed_rows("nlp_models")
    }
    rows = warehouse.query("select domain, model_id, joules_per_inference from marts.fct_inference_energy")
    assert {(d, m) for d, m, _ in rows} == expected
    with_gflops = {("cv", r["model_id"]) for r in seed_rows("cv_models") if r["gflops"].strip()} | {
        ("nlp", r["model_id"]) for r in seed_rows("nlp_models") if r["gflops"].strip()
    }
    assert {(d, m) for d, m, j in rows if j is not None} == with_gflops


def test_every_gpu_row_reaches_the_gpu_dimension_and_efficiency_mart(warehouse):
    gpu_names = {r["gpu_name"] for r in seed_rows("gpu_specs")}
    dim = dict(warehouse.query("select gpu_name, gpu_id from marts.dim_gpus where dataset = 'paper'"))
    assert set(dim) == gpu_names
    theoretical = warehouse.query("select count(*) from marts.fct_gpu_efficiency where adapted_for = 'none'")[0][0]
    assert theoretical == len(seed_rows("gpu_specs"))


def test_alexnet_as_printed(warehouse):
    row = warehouse.query(
        "select top1_accuracy_pct, params_millions, gflops, release_date, architecture, "
        "is_gflops_tool_measured from staging.stg_paper__cv_models where model_id = 'alexnet'"
    )
    assert row == [(56.52, 61.0, 1.42, date(2012, 6, 1), "CNN", True)]


def test_multiply_adds_are_normalised(warehouse):
    reported = {
        r["model_id"]: float(r["gflops"]) for r in seed_rows("cv_models") if r["gflops_convention"] == "multiply_adds"
    }
    rows = dict(
        warehouse.query(
            "select model_id, gflops from staging.stg_paper__cv_models where gflops_convention = 'multiply_adds'"
        )
    )
    assert rows == {model: pytest.approx(2 * value) for model, value in reported.items()}


def test_gpu_keys_join_across_tables(warehouse):
    orphans = warehouse.query(
        """
        select t.gpu_id from (
            select gpu_id from staging.stg_paper__ngc_throughputs
            union select gpu_id from staging.stg_paper__gpu_adapted_specs
            union select gpu_id from staging.stg_paper__nvml_energy_measurements
            union select gpu_id from staging.stg_paper__resnet50_review_energy
        ) t
        anti join marts.dim_gpus g on t.gpu_id = g.gpu_id
        """
    )
    assert orphans == []
    # Appendix E: NGC benchmarks exist for the V100, A100 and T4 only
    benchmarked = {r[0] for r in warehouse.query("select gpu_id from marts.dim_gpus where has_ngc_benchmarks")}
    assert benchmarked == {"v100", "a100", "t4"}
    [(other_names,)] = warehouse.query("select other_names from marts.dim_gpus where gpu_id = 'v100'")
    assert "V100 16GB" in other_names


def test_v100_fp32_spec(warehouse):
    row = warehouse.query(
        "select tflops, watts, launch_date, gpu_type, published_gflops_per_watt "
        "from staging.stg_paper__gpu_specs where gpu_id = 'v100' and precision = 'fp32'"
    )
    assert row == [(15.7, 300.0, date(2018, 3, 27), "server", 52.33)]


def test_unreadable_j9_cell_is_null_not_guessed(warehouse):
    row = warehouse.query(
        "select published_tflops, published_gflops_per_watt, transcription_status "
        "from staging.stg_paper__gpu_adapted_specs "
        "where adapted_for = 'nlp' and gpu_id = 'a100' and precision = 'mixed'"
    )
    assert row == [(None, None, "unreadable")]


def test_human_energy_in_joules_per_second(warehouse):
    rows = dict(
        warehouse.query("select quantity_id, joules_per_second from staging.stg_paper__human_energy_references")
    )
    # Section 8: "approximately 100 Joules/s" and "approximately 10,000 Joules every second"
    assert rows["internal_food_energy"] == pytest.approx(2000 * 4184 / 86400)
    assert rows["external_energy_usa_2019"] == pytest.approx(79897 * 3.6e6 / (365 * 86400))


def test_reconstructed_rows_are_flagged_with_evidence(warehouse):
    rows = warehouse.query(
        "select model_id, transcription_status, transcription_note from staging.stg_paper__cv_models "
        "where transcription_status <> 'as_printed'"
    )
    for model_id, status, note in rows:
        assert note, f"{model_id} is {status} but has no transcription note"
    assert dict((m, s) for m, s, _ in rows)["senet154"] == "unrecoverable"
    missing = warehouse.query(
        "select top1_accuracy_pct, params_millions from staging.stg_paper__cv_models where model_id = 'senet154'"
    )
    assert missing == [(None, None)]


def test_the_warehouse_and_its_exports_are_the_only_outputs(warehouse):
    folder = Path(warehouse.db_path).parent
    lock = f".{warehouse.db_path.name}.lock"  # the build's lock on this target, an empty file
    assert sorted(p.name for p in folder.iterdir() if p.name != lock) == sorted([warehouse.db_path.name, "exports"])


# --- Hardware efficiency chain (J.8 + E.3 -> F.4 -> J.9 -> fits) -------------------
