"""A failed, interrupted, partial or concurrent build never costs the last good warehouse."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import duckdb
from conftest import VENV, WAREHOUSE_NAME, copy_project, run_build


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


def test_new_data_builds_while_a_reader_keeps_its_view(scratch):
    """A CV model added as the README says, in a file saved with CRLF line ends and a UTF-8
    BOM (here one dated after every GPU of the efficiency fit), is built on the last good
    warehouse and reaches the marts and exports, flagged as an extrapolation, while a reader
    that had the old file open keeps seeing it, whole and unchanged."""
    reader = duckdb.connect(str(scratch.db), read_only=True)
    try:
        query = "select count(*), sum(joules_per_inference) from marts.fct_inference_energy"
        before = reader.execute(query).fetchall()
        with open(scratch.seed("cv_models"), "a", encoding="utf-8") as fh:
            fh.write("future_net,FutureNet,,88.00,,100.00,,,50.00,,,flops,No,2023-06-01,CNN,as_printed,\n")
        for seed in ("cv_models", "gpu_specs", "edge_accelerators"):
            path = scratch.seed(seed)
            text = path.read_text(encoding="utf-8")
            path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

        result = scratch.build("--select", "cv_models+", "gpu_specs+", "edge_accelerators+")
        assert result.returncode == 0, result.output[-3000:]
        assert reader.execute(query).fetchall() == before
    finally:
        reader.close()
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        [(count, _)] = con.execute(query).fetchall()
        # no stray carriage return in the last column, first column named without the BOM
        kneron = con.execute(
            "select gops_per_watt, device_name from staging.stg_paper__edge_accelerators where device_name = 'Kneron'"
        ).fetchall()
        [(joules, extrapolated)] = con.execute(
            "select joules_per_inference, is_efficiency_extrapolated from marts.fct_inference_energy "
            "where model_id = 'future_net'"
        ).fetchall()
        [(alexnet_extrapolated,)] = con.execute(
            "select is_efficiency_extrapolated from marts.fct_inference_energy where model_id = 'alexnet'"
        ).fetchall()
    finally:
        con.close()
    assert count == before[0][0] + 1
    assert kneron == [(434.0, "Kneron")]
    assert joules > 0 and extrapolated is True and alexnet_extrapolated is False
    export = scratch.db.parent / "exports" / "fct_inference_energy.parquet"
    exported = duckdb.connect().execute(f"select count(*) from read_parquet('{export}') where model_id = 'future_net'")
    assert exported.fetchall() == [(1,)]
    assert not (scratch.db.parent / ".building").exists()


def test_readme_selection_example_on_the_last_good_warehouse_cleans_leftovers(scratch):
    """`./scripts/build --select stg_paper__gpu_specs+` keeps every mart it does not select;
    a build folder left by a killed build (old per-pid or current name) is removed, and a
    stale write-ahead log beside the target is never replayed onto the new file."""
    folder = scratch.db.parent
    (folder / ".building-99999").mkdir()
    (folder / ".building").mkdir()
    (folder / ".building" / WAREHOUSE_NAME).write_bytes(b"half a build")
    stale_wal = folder / f"{WAREHOUSE_NAME}.wal"
    stale_wal.write_bytes(b"not a real log")
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        marts_before = {
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        }
    finally:
        con.close()

    result = scratch.build("--select", "stg_paper__gpu_specs+")
    assert result.returncode == 0, result.output[-3000:]

    assert not (folder / ".building-99999").exists() and not (folder / ".building").exists()
    assert not stale_wal.exists()
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        marts_after = {
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        }
        # a mart outside the selection (the Table 1 rule reads no GPU) is still there, with rows
        [(peers,)] = con.execute("select count(*) from marts.fct_alexnet_flops_peers").fetchall()
        [(gpus,)] = con.execute("select count(*) from marts.dim_gpus").fetchall()
    finally:
        con.close()
    assert marts_after == marts_before
    assert peers > 0 and gpus > 0
    assert sorted(p.stem for p in (folder / "exports").glob("*.parquet")) == sorted(marts_before)


def test_a_selection_without_a_last_good_warehouse_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / WAREHOUSE_NAME
    result = run_build(project, target, "--select", "gpu_specs")
    assert result.returncode == 2
    assert "builds on top of the last good warehouse, and there is none" in result.output
    assert not target.exists()
