"""What a copy of the project needs to build (the test suite and the benchmarks build in
temporary copies, never in your checkout): one list, one copy function."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_ITEMS = (
    "dbt_project.yml",
    "profiles.yml",
    "requirements.txt",
    "pyproject.toml",
    "models",
    "seeds",
    "macros",
    "tests",
    "analysis",
    "scripts",
    "src",
    "examples",
    "docs",
)


def copy_project(source: Path, dest: Path, items: tuple[str, ...] = PROJECT_ITEMS) -> Path:
    """Copy `items` of the project at `source` into `dest` (created); no __pycache__."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in items:
        src = source / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / item)
    return dest
