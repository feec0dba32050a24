"""A failed, interrupted, partial or concurrent build never costs the last good warehouse."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

import duckdb
from conftest import BUILDING, VENV, WAREHOUSE_NAME, copy_project, digest, run_build, tree_digest


def start_build(scratch, *args: str, output=subprocess.DEVNULL) -> subprocess.Popen:
    """./scripts/build in the scratch copy, in its own process group (so a test can kill it all)."""
    env = dict(os.environ, INFERENCE_ENERGY_DB="warehouse/" + WAREHOUSE_NAME, INFERENCE_ENERGY_VENV=str(VENV))
    return subprocess.Popen(
        [str(scratch.root / "scripts" / "build"), *args],
        cwd=scratch.root,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT if output is subprocess.PIPE else subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen) -> None:
    """Kill a build started by a test and everything it started, if it still runs."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)


def processes_in(folder) -> list[str]:
    """The command lines of the processes whose working folder is `folder` (Linux /proc)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if os.readlink(f"/proc/{entry.name}/cwd") == str(folder):
                    found.append(open(f"/proc/{entry.name}/cmdline", "rb").read().replace(b"\0", b" ").decode())
            except OSError:
                continue
    return found


def wait_for_a_drawn_figure(scratch, proc: subprocess.Popen) -> None:
    """Return once the build's report has written its first figure (the build still running)."""
    figures = scratch.db.parent / BUILDING / "reports" / "figures"
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None and not any(figures.glob("*.png")):
        time.sleep(0.02)
    assert proc.poll() is None, "the build ended before its report drew a figure"


def published_files(scratch) -> tuple:
    return digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(scratch.root / "reports")


def test_interrupted_build_leaves_the_last_good_warehouse(scratch):
    published = published_files(scratch)
    proc = start_build(scratch, "--force", output=subprocess.PIPE)
    building = scratch.db.parent / BUILDING / WAREHOUSE_NAME
    try:
        deadline = time.time() + 120
        while time.time() < deadline and not building.exists():
            time.sleep(0.1)
        assert building.exists(), "the build never started writing"
        time.sleep(2)  # somewhere in the middle of dbt build
        os.killpg(proc.pid, signal.SIGTERM)
        output, _ = proc.communicate(timeout=120)
    finally:
        stop(proc)
    assert proc.returncode != 0
    assert (
        digest(scratch.db),
        tree_digest(scratch.db.parent / "exports"),
        tree_digest(scratch.root / "reports"),
    ) == published
    assert not (scratch.db.parent / BUILDING).exists(), output[-2000:]
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
            fh.write("future_net,FutureNet,,88.00,,100.00,,,50.00,,,flops,No,2022-06-01,CNN,as_printed,\n")
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
    assert not (scratch.db.parent / BUILDING).exists()


def test_readme_selection_example_on_the_last_good_warehouse_cleans_leftovers(scratch, tmp_path):
    """`./scripts/build --select stg_paper__gpu_specs+` keeps every mart it does not select;
    a build folder left by a killed build (old per-pid or current name) is removed, and a
    stale write-ahead log beside the target is never replayed onto the new file. The target
    lies in a folder whose name has spaces and a quote."""
    folder = tmp_path / "it's a folder"
    folder.mkdir()
    target = folder / WAREHOUSE_NAME
    shutil.copyfile(scratch.db, target)
    shutil.copytree(scratch.db.parent / "exports", folder / "exports")
    shutil.copytree(scratch.root / "reports", folder / "reports")  # a custom target's report lies beside it
    (folder / ".building-99999").mkdir()
    (folder / ".building").mkdir()  # the name builds used before one folder per target
    (folder / BUILDING).mkdir()
    (folder / BUILDING / WAREHOUSE_NAME).write_bytes(b"half a build")
    stale_wal = folder / f"{WAREHOUSE_NAME}.wal"
    stale_wal.write_bytes(b"not a real log")
    con = duckdb.connect(str(target), read_only=True)
    try:
        listed = con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        marts_before = {name for (name,) in listed}
    finally:
        con.close()

    result = run_build(scratch.root, target, "--select", "stg_paper__gpu_specs+")
    assert result.returncode == 0, result.output[-3000:]
    assert f"Warehouse ready: {target}" in result.output
    assert (folder / "reports" / "index.html").exists()

    assert not (folder / ".building-99999").exists() and not (folder / ".building").exists()
    assert not (folder / BUILDING).exists()
    assert not stale_wal.exists()
    con = duckdb.connect(str(target), read_only=True)
    try:
        listed = con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        # a mart outside the selection (the Table 1 rule reads no GPU) is still there, with rows
        [(peers,)] = con.execute("select count(*) from marts.fct_alexnet_flops_peers").fetchall()
        [(gpus,)] = con.execute("select count(*) from marts.dim_gpus").fetchall()
    finally:
        con.close()
    assert {name for (name,) in listed} == marts_before
    assert peers > 0 and gpus > 0
    assert sorted(p.stem for p in (folder / "exports").glob("*.parquet")) == sorted(marts_before)
    # the views over the exports work from a path with a quote in it
    views = duckdb.connect()
    try:
        exports_dir = str(folder / "exports").replace("'", "''")
        views.execute(f"set variable exports_dir = '{exports_dir}'")
        views.execute((folder / "exports" / "views.sql").read_text(encoding="utf-8"))
        assert views.execute("select count(*) from marts.dim_gpus").fetchall() == [(gpus,)]
    finally:
        views.close()


def test_a_selection_without_a_last_good_warehouse_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    target = project / "warehouse" / WAREHOUSE_NAME
    result = run_build(project, target, "--select", "gpu_specs")
    assert result.returncode == 2
    assert "builds on top of the last good warehouse, and there is none" in result.output
    assert not target.exists()


def test_a_target_that_is_a_folder_is_refused_before_anything_runs(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = tmp_path / "a folder"
    folder.mkdir()
    result = run_build(project, folder)
    assert result.returncode == 2 and "must name a file" in result.output
    assert "Warehouse ready" not in result.output and list(folder.iterdir()) == []


def test_a_foreign_exports_folder_beside_a_custom_target_is_never_replaced(tmp_path):
    project = copy_project(tmp_path / "project")
    data = tmp_path / "my data"
    (data / "exports").mkdir(parents=True)
    mine = data / "exports" / "quarterly.xlsx"
    mine.write_bytes(b"someone else's file")
    result = run_build(project, data / WAREHOUSE_NAME)
    assert result.returncode == 2 and "Refusing to replace" in result.output
    assert mine.read_bytes() == b"someone else's file"
    assert not (data / WAREHOUSE_NAME).exists()


def test_verification_refuses_a_file_without_its_marts(tmp_path):
    from inference_energy.build import verify as verify_warehouse

    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema marts; create table marts.dim_gpus as select 1 as gpu_id")
    con.execute("create table marts.fct_trend_fits (trend_id varchar)")
    con.close()
    found = verify_warehouse.problems(db, ["dim_gpus", "fct_trend_fits", "fct_inference_energy"])
    assert found == ["mart fct_trend_fits has no rows", "mart fct_inference_energy is missing from w.duckdb"]
    assert verify_warehouse.problems(tmp_path / "none.duckdb", ["dim_gpus"]) == [
        f"{tmp_path / 'none.duckdb'} does not exist"
    ]


def test_a_build_killed_while_publishing_its_report_changes_nothing_published(scratch):
    """kill -9 while the report is being drawn (after dbt, before the swap): the warehouse,
    its exports and the report stay those of the last good build."""
    published = published_files(scratch)
    proc = start_build(scratch, "--select", "human_energy_references+")
    try:
        wait_for_a_drawn_figure(scratch, proc)
    finally:
        stop(proc)
    assert published_files(scratch) == published


def test_a_build_stopped_while_its_figures_are_drawn_stops_every_step(scratch):
    """The report (drawing figures in worker processes), the validation page and the exports
    run side by side: a SIGTERM to the build while figures are drawn stops all of them and the
    workers, removes the build folder and publishes nothing; nothing runs or prints after the
    build has said it stopped."""
    fingerprints = scratch.root / "reports" / "figures" / ".fingerprints.json"
    kept = fingerprints.read_bytes()
    fingerprints.unlink()  # every figure is drawn
    published = published_files(scratch)
    proc = start_build(scratch, "--select", "human_energy_references+", output=subprocess.PIPE)
    try:
        wait_for_a_drawn_figure(scratch, proc)
        os.kill(proc.pid, signal.SIGTERM)  # the script only, as `kill PID` would
        proc.wait(timeout=60)
        left = processes_in(scratch.root)  # at once: a step or worker left running is still here
        if left:  # they hold the output open: stop them before reading it
            os.killpg(proc.pid, signal.SIGKILL)
        output = proc.stdout.read()
        after = published_files(scratch)
    finally:
        stop(proc)
        fingerprints.write_bytes(kept)  # the scratch's report as the other tests expect it
    assert proc.returncode == 130, output[-2000:]
    assert left == [], f"still running after the build stopped: {left}"
    # the build's last word: no step went on (writing, or failing for its removed folder) after it
    assert "BUILD INTERRUPTED" in output.strip().splitlines()[-1], output[-2000:]
    assert not (scratch.db.parent / BUILDING).exists()
    assert after == published


def test_a_second_build_into_the_same_target_waits_and_touches_nothing(scratch):
    """While another build holds the target's lock, a build waits: it writes no build folder
    and changes nothing published (here it is stopped while it waits)."""
    import fcntl

    published = published_files(scratch)
    lock_path = scratch.db.parent / f".{WAREHOUSE_NAME}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = start_build(scratch, "--select", "human_energy_references+", output=subprocess.PIPE)
        try:
            line = proc.stdout.readline()
            time.sleep(1)
            building_folder_made = (scratch.db.parent / BUILDING).exists()
        finally:
            # never let the waiting build go on once the lock is released
            stop(proc)
    assert "Another build of this checkout or into" in line and "waiting" in line, line
    assert not building_folder_made
    assert published_files(scratch) == published


def test_a_successful_build_talks_little_and_keeps_dbts_log(warehouse):
    """One line per phase on success (dbt's output goes to logs/; --verbose shows it)."""
    lines = warehouse.output.strip().splitlines()
    assert len(lines) < 40, warehouse.output
    assert any(line.strip().startswith("dbt_build: Done. PASS=") for line in lines)
    assert "Running with dbt" not in warehouse.output
    log = warehouse.db_path.parent.parent / "logs" / "build_dbt_build.log"
    assert "Running with dbt" in log.read_text(encoding="utf-8")
