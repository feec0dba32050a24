"""A build does only what changed: nothing when nothing changed, the changed seeds and what
depends on them when only seeds changed, everything otherwise (src/inference_energy/build/state.py)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil

import duckdb
from conftest import digest, run_build_state, tree_digest

from inference_energy.build import state as build_state


def mart_fingerprints(db) -> dict[str, str]:
    """A hash of each mart's rows, in a stable order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        marts = [
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        ]
        return {
            name: hashlib.sha256(
                repr(sorted(map(repr, con.execute(f"select * from marts.{name}").fetchall()))).encode()
            ).hexdigest()
            for name in marts
        }
    finally:
        con.close()


def downstream_marts(manifest_path, seed: str) -> set[str]:
    """The marts that depend on a seed, read from dbt's graph."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    children = manifest["child_map"]
    seen, todo = set(), [f"seed.inference_energy.{seed}"]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    nodes = manifest["nodes"]
    return {
        nodes[c]["name"]
        for c in seen
        if c in nodes and nodes[c]["resource_type"] == "model" and nodes[c]["schema"] == "marts"
    }


def test_nothing_changed_runs_no_dbt_and_one_seed_row_rebuilds_exactly_its_marts(scratch):
    root = scratch.root
    # the scratch copy's warehouse is this checkout's last good build
    run_build_state(root, "record")
    published = (digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(root / "reports"))

    unchanged = scratch.build()
    assert unchanged.returncode == 0, unchanged.output[-3000:]
    assert "Up to date" in unchanged.output and "Running with dbt" not in unchanged.output
    assert (digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(root / "reports")) == published

    before = mart_fingerprints(scratch.db)
    path = scratch.seed("human_energy_references")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # one row, two cells: its value (human comparison) and its source (the citation marts)
    rows[-1]["quantity_value"] = str(float(rows[-1]["quantity_value"]) * 2)
    assert rows[-1]["source_ref"] == "[54]"
    rows[-1]["source_ref"] = "[55]"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    changed = scratch.build()
    assert changed.returncode == 0, changed.output[-3000:]
    assert "Only seeds changed (human_energy_references)" in changed.output
    after = mart_fingerprints(scratch.db)
    moved = {name for name in before if before[name] != after[name]}
    assert moved == downstream_marts(root / "target" / "manifest.json", "human_energy_references")
    assert moved  # the change reached the marts that depend on the seed

    again = scratch.build()
    assert "Up to date" in again.output and "Running with dbt" not in again.output


def test_the_plan_follows_what_changed(tmp_path):
    root = tmp_path
    for folder in ("seeds/paper", "models"):
        (root / folder).mkdir(parents=True)
    (root / "seeds" / "paper" / "cv_models.csv").write_text("model_id\nalexnet\n", encoding="utf-8")
    (root / "models" / "m.sql").write_text("select 1", encoding="utf-8")
    (root / "dbt_project.yml").write_text("name: x\n", encoding="utf-8")
    db = root / "warehouse" / "w.duckdb"
    db.parent.mkdir()
    db.write_bytes(b"a warehouse")
    (root / "warehouse" / "exports").mkdir()
    reports = root / "reports"
    reports.mkdir()

    assert build_state.plan(root, db, reports) == "full"  # no record yet
    build_state.record(root, db, reports)
    assert build_state.plan(root, db, reports) == "up-to-date"
    assert build_state.plan(root, db, reports, force=True) == "full"

    (root / "seeds" / "paper" / "cv_models.csv").write_text("model_id\nalexnet\nvgg16\n", encoding="utf-8")
    assert build_state.plan(root, db, reports) == "seeds cv_models"
    (root / "models" / "m.sql").write_text("select 2", encoding="utf-8")
    assert build_state.plan(root, db, reports) == "full"
    shutil.copyfile(root / "dbt_project.yml", root / "models" / "m.sql")
    build_state.record(root, db, reports)
    db.write_bytes(b"a warehouse someone changed")
    assert build_state.plan(root, db, reports) == "full"  # a published file is not what the build left


# The paper's rows of the marts that hold both datasets (meta.datasets = paper_and_extension).
PAPER_SLICES = {
    "dim_gpus": "dataset = 'paper'",
    "fct_gpu_datasheet_peaks": "dataset = 'paper'",
    "fct_trend_fits": "dataset = 'paper'",
    "fct_trend_lines": "dataset = 'paper' and line_span = 'fit'",
    "fct_inference_energy_2012_2025": "dataset = 'paper'",
}


def paper_fingerprints(db, manifest_path) -> dict[str, str]:
    """A hash of every paper mart, and of the paper's rows of each mixed mart (only the columns
    the paper's method computes)."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    paper_marts = {
        node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["meta"].get("datasets") == "paper"
    }
    queries = {name: f"select * from marts.{name}" for name in paper_marts}
    queries["fct_inference_energy_2012_2025"] = (
        "select model_id, gflops, paper_method_joules, paper_method_joules_pred95_low, "
        "paper_method_joules_pred95_high from marts.fct_inference_energy_2012_2025 where dataset = 'paper'"
    )
    for name, condition in PAPER_SLICES.items():
        queries.setdefault(name, f"select * from marts.{name} where {condition}")
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            name: hashlib.sha256(repr(sorted(map(repr, con.execute(sql).fetchall()))).encode()).hexdigest()
            for name, sql in queries.items()
        }
    finally:
        con.close()


def append_row(path, **values) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    template = dict(rows[-1])
    template.update(values)
    with open(path, "a", newline="", encoding="utf-8") as fh:
        csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n").writerow(template)


def test_a_row_added_to_each_extension_seed_moves_no_paper_number(scratch):
    """Every seed of seeds/extension/ gets a row; the paper's marts do not move."""
    root = scratch.root
    run_build_state(root, "record")
    manifest = root / "target" / "manifest.json"
    before = paper_fingerprints(scratch.db, manifest)
    # a 2024 model more accurate than any: mixed into the paper's rows it would move the
    # best-of-year trends (tried: x1.79/yr -> x1.34/yr)
    append_row(
        scratch.seed("extension_cv_models"),
        model_id="test_2024_frontier_model",
        model="Test frontier model",
        top1_accuracy="95.0",
        gflops="20000",
        release_date="2024-06-01",
        eval_protocol="fine-tune",
    )
    append_row(scratch.seed("extension_nlp_models"), model_id="test_llm", model="Test LLM", release_date="2025-09-01")
    append_row(
        scratch.seed("extension_gpu_datasheet_peaks"),
        gpu_id="test_gpu",
        gpu="Test GPU",
        launch_date="2025-06-01",
        precision="fp32",
        tflops_dense="100",
        tflops_published="100",
        sparse_published="no",
        derived_from_sparse="no",
        tdp_watts="500",
        gflops_per_watt="200.0",
        unit="TFLOPS",
    )
    append_row(scratch.seed("extension_measured_inference_energy"), result_id="mlperf_v3_1_999", system="Test system")
    append_row(scratch.seed("extension_accelerator_names"), accelerator="Test accelerator", gpu_id="", vendor="Test")
    # the plan first: a fall-back to a full build would cost the suite a second full build
    plan = run_build_state(root, "plan").stdout
    assert plan.startswith("seeds "), plan
    result = scratch.build()
    assert result.returncode == 0, result.output[-3000:]
    assert "Only seeds changed" in result.output
    assert paper_fingerprints(scratch.db, manifest) == before
    # ... while the rows did reach the extension's marts and refits
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        [(is_edge,)] = con.execute(
            "select is_cutting_edge from marts.fct_inference_energy_2012_2025 "
            "where model_id = 'test_2024_frontier_model'"
        ).fetchall()
        [(llm_rows,)] = con.execute(
            "select count(*) from marts.fct_inference_energy_2012_2025 where model_id = 'test_llm'"
        ).fetchall()
        [(gpu_dataset,)] = con.execute("select dataset from marts.dim_gpus where gpu_id = 'test_gpu'").fetchall()
        [(measured_rows,)] = con.execute(
            "select count(*) from marts.fct_measured_vs_estimated where result_id = 'mlperf_v3_1_999'"
        ).fetchall()
        [(last_gpu,)] = con.execute(
            "select last_date from marts.fct_trend_fits where trend_id = 'gpu_peak_fp32__extended'"
        ).fetchall()
    finally:
        con.close()
    assert is_edge and llm_rows == 1 and gpu_dataset == "extension" and measured_rows == 1
    assert str(last_gpu) == "2025-06-01"


def test_a_write_ahead_log_beside_the_warehouse_is_never_up_to_date(tmp_path):
    """The fingerprint covers a .wal beside the published file: readers would replay it."""
    root, db, reports = tmp_path, tmp_path / "warehouse" / "w.duckdb", tmp_path / "reports"
    db.parent.mkdir()
    db.write_bytes(b"a warehouse")
    build_state.record(root, db, reports)
    assert build_state.plan(root, db, reports) == "up-to-date"
    db.with_name("w.duckdb.wal").write_bytes(b"a crashed writer's log")
    assert build_state.plan(root, db, reports) == "full"
