"""What a full `./scripts/build` needs to do, from a fingerprint of its inputs.

After every good full build, `record` writes target/last_good_build.json: a hash of each
input file (seeds, models, macros, tests, analysis, src (this package), the project and profile,
the pinned requirements), the dbt and DuckDB versions, and a hash of what the build
published (the warehouse file, its exports, the report). Before the next build, `plan`
compares and prints one line:

    up-to-date            nothing changed and the published files are intact
    seeds NAME [NAME...]  only seed CSVs changed: rebuild `NAME+` on the last good warehouse
    full                  anything else (or --force, or no record, or a published file changed)

    python -m inference_energy.build.state plan --db warehouse/inference_energy.duckdb [--force]
    python -m inference_energy.build.state record --db warehouse/inference_energy.duckdb

`docs-fingerprint` prints a hash of what the dbt docs describe, so that a build
regenerates them only when it changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

STATE = Path("target") / "last_good_build.json"
INPUT_FOLDERS = ("seeds", "models", "macros", "tests", "analysis", "scripts", "src")
INPUT_FILES = ("dbt_project.yml", "profiles.yml", "requirements.txt")
INPUT_SUFFIXES = {".csv", ".sql", ".yml", ".yaml", ".md", ".py", ".j2", ".txt", ""}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digest(folder: Path, ignore: frozenset[str] = frozenset()) -> str | None:
    """One hash of every file below folder (names and contents), or None if it is missing."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and not ignore.intersection(p.relative_to(folder).parts)
    ):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


def input_digests(root: Path) -> dict[str, str]:
    files = [root / name for name in INPUT_FILES if (root / name).is_file()]
    for folder in INPUT_FOLDERS:
        files += [
            p
            for p in (root / folder).rglob("*")
            if p.is_file() and p.suffix in INPUT_SUFFIXES and "__pycache__" not in p.parts
        ]
    digests = {str(p.relative_to(root)): file_digest(p) for p in sorted(files)}
    # the user's catalogue (a dbt source read in place) may live anywhere
    catalogue = Path(os.environ.get("INFERENCE_ENERGY_CATALOGUE") or "examples/sample_models.csv")
    catalogue = (catalogue if catalogue.is_absolute() else root / catalogue).resolve()
    # keyed relative to the checkout where it lies inside it, so moving the checkout changes nothing
    key = catalogue.relative_to(root.resolve()) if catalogue.is_relative_to(root.resolve()) else catalogue
    digests[f"catalogue:{key}"] = file_digest(catalogue) if catalogue.is_file() else "missing"
    return digests


def versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in ("dbt-core", "dbt-duckdb", "duckdb")}


def published(db: Path, reports: Path, exports: Path | None = None) -> dict[str, str | None]:
    wal = db.with_name(db.name + ".wal")
    return {
        "warehouse": file_digest(db) if db.is_file() else None,
        # a write-ahead log beside the file changes what every reader sees: never "up to date"
        "write_ahead_log": file_digest(wal) if wal.is_file() else None,
        "exports": tree_digest(exports if exports is not None else db.parent / "exports"),
        # the benchmark tables beside the report are written by scripts/bench_*, the
        # screenshots by the browser test: not by a build
        "reports": tree_digest(reports, ignore=frozenset({"benchmarks.md", "screenshots"})),
    }


def docs_fingerprint(root: Path, db: Path) -> str:
    """What the dbt docs show: the project's models, tests, macros, analyses and YAML (not
    the seed data, not the Python code), the dbt versions, and the database name."""
    digest = hashlib.sha256(json.dumps(versions(), sort_keys=True).encode())
    digest.update(db.name.encode())
    for path, file_hash in input_digests(root).items():
        if not path.endswith(".csv") and not path.startswith(("scripts/", "src/", "catalogue:")):
            digest.update(f"{path}:{file_hash}".encode())
    return digest.hexdigest()


def plan(root: Path, db: Path, reports: Path, force: bool = False, exports: Path | None = None) -> str:
    state_path = root / STATE
    if force or not state_path.is_file():
        return "full"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    if state.get("target") != str(db.resolve()) or state.get("versions") != versions():
        return "full"
    if state.get("published") != published(db, reports, exports):
        return "full"
    before, now = state.get("inputs", {}), input_digests(root)
    changed = {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}
    if not changed:
        return "up-to-date"
    seeds = sorted(changed)
    if all(p.startswith("seeds/") and p.endswith(".csv") and p in now and p in before for p in seeds):
        return "seeds " + " ".join(Path(p).stem for p in seeds)
    return "full"


def record(root: Path, db: Path, reports: Path, exports: Path | None = None) -> None:
    state = {
        "target": str(db.resolve()),
        "versions": versions(),
        "inputs": input_digests(root),
        "published": published(db, reports, exports),
    }
    (root / STATE).parent.mkdir(parents=True, exist_ok=True)
    (root / STATE).write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def written_outside(root: Path, db: Path) -> bool:
    """The warehouse file is not the one the last good build of ours published (plain `dbt
    build`, or another writer, changed it since). False when there is no record to compare."""
    state_path = root / STATE
    if not state_path.is_file() or not db.is_file():
        return False
    state = json.loads(state_path.read_text(encoding="utf-8"))
    if state.get("target") != str(db.resolve()):
        return False
    return state.get("published", {}).get("warehouse") != file_digest(db)


def forget(root: Path) -> None:
    (root / STATE).unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["plan", "record", "forget", "docs-fingerprint", "written-outside"])
    parser.add_argument("--db", required=True, type=Path, help="the warehouse file (INFERENCE_ENERGY_DB)")
    parser.add_argument("--reports", default=Path("reports"), type=Path)
    parser.add_argument("--exports", type=Path, help="the target's exports folder (default: exports/ beside it)")
    parser.add_argument("--force", action="store_true", help="plan a full build whatever changed")
    args = parser.parse_args()
    root = Path.cwd()
    if args.action == "plan":
        print(plan(root, args.db, args.reports, args.force, args.exports))
    elif args.action == "docs-fingerprint":
        print(docs_fingerprint(root, args.db))
    elif args.action == "record":
        record(root, args.db, args.reports, args.exports)
    elif args.action == "written-outside":
        print("yes" if written_outside(root, args.db) else "no")
    else:
        forget(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
