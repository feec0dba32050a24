"""Shared fixtures: one full build of the warehouse per test session, reused.

Every build runs the real `./scripts/build` with INFERENCE_ENERGY_DB pointing into a
temporary copy of the project and INFERENCE_ENERGY_VENV at the virtual environment
running pytest, so nothing is reinstalled. The suite makes one full build (`warehouse`);
tests that feed bad input or change data work in `scratch_project`, a second copy that
starts from the built warehouse and runs only `./scripts/build --select <seed>+`
(a selection builds on a copy of the last good warehouse), restoring the seeds after
each test.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
# The package under test: this checkout's (also what the venv's editable install points to).
sys.path.insert(0, str(REPO / "src"))
from inference_energy.build.project_copy import PROJECT_ITEMS  # noqa: E402
from inference_energy.build.project_copy import copy_project as _copy_project  # noqa: E402

# the virtual environment running the tests (sys.prefix; resolving the interpreter symlink
# would name the base Python instead)
VENV = Path(sys.prefix)


def project_var(name: str):
    """A var of dbt_project.yml as the project sets it (tests read the setting, not a copy of it)."""
    import yaml

    return yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))["vars"][name]


WAREHOUSE_NAME = "inference_energy.duckdb"
# the private folder a build of that target writes in (scripts/build: one per target)
BUILDING = f".{WAREHOUSE_NAME}.building"


@dataclass
class BuildResult:
    returncode: int
    output: str
    db_path: Path

    def query(self, sql: str) -> list[tuple]:
        con = duckdb.connect(str(self.db_path), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


# dbt checksums a seed over 1 MiB by its path, not its content (dbt.constants.MAXIMUM_SEED_SIZE),
# so a copy that carries target/ from another copy's build never notices such a seed was edited
# and loads the file of the copy that parsed it. A copy whose large seed differs from the repo's
# parses afresh instead.
DBT_SEED_SIZE_CHECKSUMMED = 1024 * 1024


def forget_parse_if_a_large_seed_changed(project: Path) -> None:
    for path in (project / "seeds").glob("*/*.csv"):
        original = REPO / path.relative_to(project)
        sizes = [path.stat().st_size] + ([original.stat().st_size] if original.is_file() else [])
        if max(sizes) <= DBT_SEED_SIZE_CHECKSUMMED:
            continue
        if not original.is_file() or original.read_bytes() != path.read_bytes():
            (project / "target" / "partial_parse.msgpack").unlink(missing_ok=True)
            return


def run_build(project: Path, db_path: Path, *dbt_args: str, env: dict[str, str] | None = None) -> BuildResult:
    # A path relative to the project gives every copy the same dbt profile, so a copy
    # that carries target/ from the full build reuses its parse (partial parsing).
    db_arg = os.path.relpath(db_path, project) if db_path.is_relative_to(project) else str(db_path)
    if project != REPO:
        forget_parse_if_a_large_seed_changed(project)
    env = dict(os.environ, **(env or {}), INFERENCE_ENERGY_DB=db_arg, INFERENCE_ENERGY_VENV=str(VENV))
    proc = subprocess.run(
        [str(project / "scripts" / "build"), *dbt_args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, db_path)


def run_build_state(project: Path, action: str, db: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m inference_energy.build.state ACTION --db ...` in a project copy, with the copy's
    own code first on the path (as ./scripts/build runs it); fails the test if it fails."""
    target = str(db) if db is not None else "warehouse/inference_energy.duckdb"
    return subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "inference_energy.build.state", action, "--db", target],
        cwd=project,
        env=dict(os.environ, PYTHONPATH=str(project / "src")),
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_project(dest: Path) -> Path:
    """What a copy of the project needs to build (PROJECT_ITEMS); everything else stays behind."""
    return _copy_project(REPO, dest, PROJECT_ITEMS)


def seed_rows(name: str) -> list[dict[str, str]]:
    """The rows of seed `name` as the repository holds them (an expected value independent of
    the build)."""
    [path] = list((REPO / "seeds").glob(f"*/{name}.csv"))
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digest(folder: Path) -> dict[str, str]:
    """Content hash of every file below folder (relative path -> sha256)."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The one full build of an untouched copy of the project (with docs, report, exports)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(project, project / "warehouse" / WAREHOUSE_NAME)
    assert result.returncode == 0, result.output[-5000:]
    return result


@dataclass
class ScratchProject:
    """A project copy whose warehouse starts as the good full build."""

    root: Path
    good_db: Path

    @property
    def db(self) -> Path:
        return self.root / "warehouse" / WAREHOUSE_NAME

    def seed(self, name: str) -> Path:
        for folder in ("paper", "extension", "project"):
            path = self.root / "seeds" / folder / f"{name}.csv"
            if path.exists():
                return path
        raise FileNotFoundError(name)

    def reset(self) -> None:
        """Seeds as in the repo, the last good warehouse as the full build left it."""
        shutil.rmtree(self.root / "seeds")
        shutil.copytree(REPO / "seeds", self.root / "seeds")
        # what an earlier test's build may have left: a failed file, a killed build's folder
        for leftover in ("failed_build", "exports", BUILDING):
            shutil.rmtree(self.root / "warehouse" / leftover, ignore_errors=True)
        shutil.copyfile(self.good_db, self.db)
        # the warehouse is put back by hand, not published by a build of this copy: no record of one
        (self.root / "target" / "last_good_build.json").unlink(missing_ok=True)
        shutil.copytree(self.good_db.parent / "exports", self.root / "warehouse" / "exports")

    def build(self, *dbt_args: str, env: dict[str, str] | None = None) -> BuildResult:
        return run_build(self.root, self.db, *dbt_args, env=env)


def make_scratch(warehouse: BuildResult, root: Path) -> ScratchProject:
    """A new project copy starting from the full build's warehouse, exports and dbt parse."""
    copy_project(root)
    (root / "warehouse").mkdir()
    built = warehouse.db_path.parent.parent
    shutil.copytree(built / "target", root / "target")
    shutil.copytree(built / "reports", root / "reports")
    scratch = ScratchProject(root, warehouse.db_path)
    scratch.reset()
    return scratch


@pytest.fixture(scope="session")
def scratch_project(warehouse: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> ScratchProject:
    return make_scratch(warehouse, tmp_path_factory.mktemp("scratch"))


@pytest.fixture
def scratch(scratch_project: ScratchProject):
    """The scratch project, reset before and after the test."""
    scratch_project.reset()
    yield scratch_project
    scratch_project.reset()
