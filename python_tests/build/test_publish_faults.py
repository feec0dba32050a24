"""The build's promises under faults, end to end (./scripts/build on the scratch project): a
destination that cannot be replaced publishes nothing; a seed linked to another file is refused
unread, by ./scripts/build and by plain dbt; two targets in one folder keep their own files; a
stale write-ahead log is never replayed; the catalogue path is used verbatim; a file written by
plain `dbt build` is not called the last good warehouse; rejected catalogue lines are named."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pytest
from conftest import BUILDING, REPO, VENV, digest, make_scratch, run_build, run_build_state, tree_digest

# a selection that rebuilds one trivial mart on a copy of the last good warehouse, then publishes
QUICK = ("--select", "dim_days")
FAKE_SECRET = "INFERENCE_ENERGY_FAKE_SECRET=tok_5f3a9c"


def published(scratch) -> tuple[str, dict, dict]:
    return digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(scratch.root / "reports")


def immutable(path) -> bool:
    """Make `path` immutable (chattr +i) where the file system and the user allow it."""
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def test_a_destination_that_is_a_link_is_refused_before_anything_moves(scratch, tmp_path):
    exports = scratch.db.parent / "exports"
    real = tmp_path / "real_exports"
    shutil.move(exports, real)
    exports.symlink_to(real, target_is_directory=True)
    try:
        before = published(scratch)
        result = scratch.build(*QUICK)
        after = published(scratch)
        still_a_link = exports.is_symlink()
    finally:
        exports.unlink()
        shutil.move(real, exports)
    assert result.returncode != 0
    assert "PUBLISH FAILED: cannot publish warehouse/exports: it is a link or not a folder" in result.output
    assert "nothing was published: the last good warehouse, exports and report are as they were" in result.output
    assert after == before and still_a_link


def test_a_move_that_fails_halfway_is_undone_byte_for_byte(scratch):
    """The report folder cannot be renamed (immutable): the warehouse and exports, already moved,
    go back, and the last good files are as before."""
    reports = scratch.root / "reports"
    if not immutable(reports):
        pytest.skip("chattr +i is not available here (file system or user)")
    try:
        before = published(scratch)
        result = scratch.build(*QUICK)
    finally:
        subprocess.run(["chattr", "-i", str(reports)], check=True)
    assert result.returncode != 0
    assert "PUBLISH FAILED: could not move" in result.output and "nothing was published" in result.output
    assert "BUILD FAILED: the last good warehouse" in result.output
    assert published(scratch) == before
    assert not list(scratch.root.rglob(".*.previous")) and not (scratch.db.parent / BUILDING).exists()


def test_a_seed_linked_to_another_file_is_refused_unread(scratch, tmp_path):
    secret = tmp_path / "environ"
    secret.write_text(f"{FAKE_SECRET}\nHOME=/root\n")
    seed = scratch.seed("gpu_specs")
    seed.unlink()
    seed.symlink_to(secret)
    before = digest(scratch.db)
    result = scratch.build("--select", "gpu_specs+")
    assert result.returncode != 0
    assert "BAD SEED seeds/paper/gpu_specs.csv: the file is a symbolic link" in result.output
    assert "tok_5f3a9c" not in result.output and digest(scratch.db) == before
    # plain dbt: the dbt-duckdb plugin refuses it before any seed is loaded
    copy = tmp_path / "plain.duckdb"
    shutil.copyfile(scratch.db, copy)
    plain = subprocess.run(
        [str(VENV / "bin" / "dbt"), "seed", "--select", "gpu_specs"],
        cwd=scratch.root,
        env=dict(os.environ, INFERENCE_ENERGY_DB=str(copy)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert plain.returncode != 0
    assert "BAD SEED seeds/paper/gpu_specs.csv: the file is a symbolic link" in plain.stdout + plain.stderr
    assert "tok_5f3a9c" not in plain.stdout + plain.stderr
    assert digest(copy) == before


def test_two_targets_in_one_folder_each_publish_their_own_files(warehouse, scratch, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    for name in ("a", "b"):
        shutil.copyfile(scratch.good_db, folder / f"{name}.duckdb")

    def check(name: str) -> None:
        # each target's exports folder is its own: its views read its own files (paths relative to it)
        exports = folder / f"{name}.exports"
        views = duckdb.connect()
        try:
            views.execute(f"set variable exports_dir = '{exports}'")
            views.execute((exports / "views.sql").read_text(encoding="utf-8"))
            assert str(tmp_path) not in (exports / "views.sql").read_text(encoding="utf-8")
            assert views.execute("select count(*) from marts.dim_gpus").fetchall()[0][0] > 0
        finally:
            views.close()
        assert (folder / f"{name}.reports" / "index.html").is_file()

    # in turn, from one checkout
    for name in ("a", "b"):
        result = run_build(scratch.root, folder / f"{name}.duckdb", *QUICK)
        assert result.returncode == 0, result.output[-3000:]
    check("a")
    check("b")
    # at once, from two checkouts
    other = make_scratch(warehouse, tmp_path / "other_checkout")
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(
                lambda job: run_build(job[0], folder / f"{job[1]}.duckdb", *QUICK),
                [(scratch.root, "a"), (other.root, "b")],
            )
        )
    assert all(r.returncode == 0 for r in results), [r.output[-2000:] for r in results]
    check("a")
    check("b")
    assert not [p.name for p in folder.iterdir() if p.name.endswith((".building", ".previous", ".publish.json"))]


def test_a_stale_write_ahead_log_is_never_replayed(scratch):
    """A writer that crashed after dropping a mart left a .wal beside the published file: the
    next build moves it aside before anything reads the file, and says so."""
    crash = (
        "import duckdb, os\n"
        f"con = duckdb.connect({str(scratch.db)!r})\n"
        "con.execute(\"set checkpoint_threshold = '1TB'\")\n"
        "con.execute('pragma disable_checkpoint_on_shutdown')\n"
        "con.execute('drop table marts.dim_gpus')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash], check=True, timeout=120)
    wal = scratch.db.with_name(scratch.db.name + ".wal")
    assert wal.exists()
    result = scratch.build(*QUICK)
    assert result.returncode == 0, result.output[-3000:]
    assert f"A write-ahead log {os.path.relpath(wal, scratch.root)} that no build of ours wrote" in result.output
    assert not wal.exists()
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        assert con.execute("select count(*) from marts.dim_gpus").fetchall()[0][0] > 0
    finally:
        con.close()


def test_the_catalogue_path_is_used_verbatim(scratch, tmp_path):
    """'$name' and '$1' in the path are characters of the path, not template variables."""
    folder = tmp_path / "$name"
    folder.mkdir()
    catalogue = folder / "models$1.csv"
    shutil.copyfile(REPO / "examples" / "sample_models.csv", catalogue)
    result = scratch.build("--select", "stg_catalogue__models+", env={"INFERENCE_ENERGY_CATALOGUE": str(catalogue)})
    assert result.returncode == 0, result.output[-3000:]
    [(priced,)] = result.query("select count(*) from marts.fct_catalogue_energy")
    assert priced > 0


def test_rejected_catalogue_lines_are_named_on_the_terminal(scratch, tmp_path):
    catalogue = tmp_path / "models.csv"
    catalogue.write_text("name,gflops,date,domain\nfine,7.6,2015-12-10,cv\nbroken,-1,2015-12-10,cv\n")
    result = scratch.build("--select", "stg_catalogue__models+", env={"INFERENCE_ENERGY_CATALOGUE": str(catalogue)})
    assert result.returncode == 0, result.output[-3000:]
    assert "CATALOGUE: 1 line(s) of the catalogue were rejected (all in marts.fct_catalogue_rejects)" in result.output
    assert "line 3 ('broken'): gflops must be a positive number" in result.output


def test_a_file_written_by_plain_dbt_is_not_called_the_last_good_warehouse(scratch):
    run_build_state(scratch.root, "record", scratch.db)
    try:
        con = duckdb.connect(str(scratch.db))
        con.execute("create table marts.written_by_hand as select 1 as x")
        con.close()
        seed = scratch.seed("gpu_specs")
        seed.write_text(seed.read_text(encoding="utf-8").replace(",300,", ",-300,", 1), encoding="utf-8")
        result = scratch.build("--select", "gpu_specs+")
    finally:
        (scratch.root / "target" / "last_good_build.json").unlink(missing_ok=True)
    assert result.returncode != 0
    assert "is left untouched, but it is not the last good build's: it was written since by another writer" in (
        result.output
    )
    assert "BUILD FAILED: the last good warehouse" not in result.output
