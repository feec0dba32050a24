"""A failed, interrupted, partial or concurrent build never costs the last good warehouse."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import duckdb
from conftest import VENV, WAREHOUSE_NAME, copy_project, digest, run_build, tree_digest


def test_interrupted_build_leaves_the_last_good_warehouse(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / WAREHOUSE_NAME
    target.parent.mkdir(parents=True)
    target.write_bytes(b"last good warehouse")
    env = dict(os.environ, INFERENCE_ENERGY_DB=str(target), INFERENCE_ENERGY_VENV=str(VENV))
    proc = subprocess.Popen(
        [str(project / "scripts" / "build")],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    deadline = time.time() + 120
    while time.time() < deadline and not (target.parent / ".building" / WAREHOUSE_NAME).exists():
        time.sleep(0.2)
    assert (target.parent / ".building").exists(), "the build never started writing"
    time.sleep(2)  # somewhere in the middle of dbt build
    os.killpg(proc.pid, signal.SIGTERM)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert target.read_bytes() == b"last good warehouse"
    assert not (target.parent / ".building").exists(), output[-2000:]
    assert "INTERRUPTED" in output or "FAILED" in output


def test_reader_keeps_a_consistent_view_while_the_build_runs(scratch):
    reader = duckdb.connect(str(scratch.db), read_only=True)
    try:
        query = "select count(*), sum(joules_per_inference) from marts.fct_inference_energy"
        before = reader.execute(query).fetchall()
        # Change the data so the new build differs: drop one NLP model.
        seed = scratch.seed("nlp_models")
        lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
        seed.write_text("".join(line for line in lines if not line.startswith("squeezebert,")), encoding="utf-8")

        result = scratch.build("--select", "nlp_models+")
        assert result.returncode == 0, result.output[-3000:]
        # The reader still sees the warehouse it opened, whole and unchanged.
        assert reader.execute(query).fetchall() == before
    finally:
        reader.close()
    fresh = duckdb.connect(str(scratch.db), read_only=True)
    try:
        [(count, _)] = fresh.execute(query).fetchall()
        [(squeezebert,)] = fresh.execute(
            "select count(*) from marts.fct_inference_energy where model_id = 'squeezebert'"
        ).fetchall()
    finally:
        fresh.close()
    assert count == before[0][0] - 1 and squeezebert == 0
    assert not (scratch.db.parent / ".building").exists()


def test_readme_selection_example_rebuilds_on_the_last_good_warehouse(scratch):
    """`./scripts/build --select stg_paper__gpu_specs+` keeps every mart it does not select."""
    marts_before = {
        name
        for (name,) in duckdb.connect(str(scratch.db), read_only=True)
        .execute("select table_name from duckdb_tables() where schema_name = 'marts'")
        .fetchall()
    }
    result = scratch.build("--select", "stg_paper__gpu_specs+")
    assert result.returncode == 0, result.output[-3000:]
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        marts_after = {
            name: rows
            for name, rows in con.execute(
                "select table_name, estimated_size from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
        # a mart outside the selection (the Table 1 rule reads no GPU) is still there, with rows
        [(peers,)] = con.execute("select count(*) from marts.fct_alexnet_flops_peers").fetchall()
    finally:
        con.close()
    assert set(marts_after) == marts_before
    assert peers > 0
    exported = sorted(p.stem for p in (scratch.db.parent / "exports").glob("*.parquet"))
    assert exported == sorted(marts_before)


def test_a_selection_without_a_last_good_warehouse_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / WAREHOUSE_NAME
    result = run_build(project, target, "--select", "gpu_specs")
    assert result.returncode == 2
    assert "builds on top of the last good warehouse, and there is none" in result.output
    assert not target.exists()


def test_leftovers_of_killed_builds_are_cleaned_and_a_failed_file_is_not_adopted(scratch):
    """A build folder left by a killed build (old per-pid or current name) is removed by the
    next build, and a stale write-ahead log beside the target is never replayed onto it."""
    folder = scratch.db.parent
    (folder / ".building-99999").mkdir()
    (folder / ".building").mkdir()
    (folder / ".building" / WAREHOUSE_NAME).write_bytes(b"half a build")
    stale_wal = folder / f"{WAREHOUSE_NAME}.wal"
    stale_wal.write_bytes(b"not a real log")
    before = digest(scratch.db)
    result = scratch.build("--select", "human_energy_references+")
    assert result.returncode == 0, result.output[-3000:]
    assert not (folder / ".building-99999").exists() and not (folder / ".building").exists()
    assert not stale_wal.exists()
    assert digest(scratch.db) != before  # a new file, opened fine below
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        assert con.execute("select count(*) > 0 from marts.fct_human_energy_comparison").fetchall() == [(True,)]
    finally:
        con.close()
    assert tree_digest(folder / "exports")
