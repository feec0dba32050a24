"""A failed, interrupted or concurrent build never costs the last good warehouse."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
from conftest import VENV, copy_project, run_build


def building_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith((".building-", ".old-"))]


def test_interrupted_build_leaves_the_last_good_warehouse(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / "inference_energy.duckdb"
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
    while time.time() < deadline and not any(target.parent.glob(".building-*/*.duckdb")):
        time.sleep(0.2)
    assert any(target.parent.glob(".building-*")), "the build never started writing"
    time.sleep(2)  # somewhere in the middle of dbt build
    os.killpg(proc.pid, signal.SIGTERM)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert target.read_bytes() == b"last good warehouse"
    assert building_files(target.parent) == [], output[-2000:]
    assert "INTERRUPTED" in output or "FAILED" in output


def test_reader_keeps_a_consistent_view_while_the_build_runs(warehouse, tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / "inference_energy.duckdb"
    target.parent.mkdir(parents=True)
    shutil.copyfile(warehouse.db_path, target)

    reader = duckdb.connect(str(target), read_only=True)
    try:
        query = "select count(*), sum(joules_per_inference) from marts.fct_inference_energy"
        before = reader.execute(query).fetchall()
        # Change the data so the new build differs: drop one NLP model.
        seed = project / "seeds" / "paper" / "nlp_models.csv"
        lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
        seed.write_text("".join(line for line in lines if not line.startswith("squeezebert,")), encoding="utf-8")

        result = run_build(project, target)
        assert result.returncode == 0, result.output[-3000:]
        # The reader still sees the warehouse it opened, whole and unchanged.
        assert reader.execute(query).fetchall() == before
    finally:
        reader.close()
    fresh = duckdb.connect(str(target), read_only=True)
    try:
        [(count, _)] = fresh.execute(query).fetchall()
    finally:
        fresh.close()
    assert count == before[0][0] - 1
    assert building_files(target.parent) == []
