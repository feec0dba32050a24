"""Shared fixtures: builds of the warehouse into temporary DuckDB files.

Every build runs the real `./scripts/build` (dbt seeds, models and tests) with
INFERENCE_ENERGY_DB pointing at a temporary file and INFERENCE_ENERGY_VENV at the
virtual environment running pytest, so nothing is reinstalled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
# The pure functions the dbt Python models import (profile module_paths: scripts).
sys.path.insert(0, str(REPO / "scripts"))
VENV = Path(sys.executable).resolve().parent.parent
# What a copy of the project needs to build; everything else stays behind.
PROJECT_ITEMS = (
    "dbt_project.yml",
    "profiles.yml",
    "requirements.txt",
    "models",
    "seeds",
    "macros",
    "tests",
    "analysis",
    "scripts",
)


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


def run_build(project: Path, db_path: Path, *dbt_args: str) -> BuildResult:
    env = dict(os.environ, INFERENCE_ENERGY_DB=str(db_path), INFERENCE_ENERGY_VENV=str(VENV))
    # dbt writes target/ and logs/ under the project: keep concurrent builds apart.
    proc = subprocess.run(
        [str(project / "scripts" / "build"), *dbt_args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, db_path)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        src = REPO / item
        if src.is_dir():
            shutil.copytree(src, dest / item)
        elif src.exists():
            shutil.copy2(src, dest / item)
    return dest


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One full build of an untouched copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(project, project / "warehouse" / "test.duckdb")
    assert result.returncode == 0, result.output[-5000:]
    return result
