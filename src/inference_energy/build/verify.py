"""Check a freshly built warehouse file before it is swapped into place.

dbt closes its connection at the end of a build, and DuckDB then checkpoints its
write-ahead log into the file. This makes sure of it: a `.wal` left beside the built file
is checkpointed (and must disappear), the file must open read-only on its own, and every
contracted mart (target/manifest.json) must exist with at least one row (unless its
meta says `may_be_empty`: the rejects of a clean catalogue). Any failure
exits non-zero with a sentence saying what is wrong, so the build stops before the swap.

    python -m inference_energy.build.verify --db warehouse/.building/inference_energy.duckdb
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb


def contracted_marts(manifest_path: Path) -> list[str]:
    nodes = json.loads(manifest_path.read_text(encoding="utf-8"))["nodes"].values()
    return sorted(
        n["name"]
        for n in nodes
        if n["resource_type"] == "model" and n["schema"] == "marts" and n["config"].get("contract", {}).get("enforced")
    )


def marts_that_may_be_empty(manifest_path: Path) -> set[str]:
    nodes = json.loads(manifest_path.read_text(encoding="utf-8"))["nodes"].values()
    return {
        n["name"] for n in nodes if n["resource_type"] == "model" and n["config"].get("meta", {}).get("may_be_empty")
    }


def problems(db: Path, marts: list[str], may_be_empty: frozenset[str] = frozenset()) -> list[str]:
    """What is wrong with the built file (empty when it can be published)."""
    if not db.is_file():
        return [f"{db} does not exist"]
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        con = duckdb.connect(str(db))
        try:
            con.execute("checkpoint")
        finally:
            con.close()
        if wal.exists():
            return [f"{wal} is still there after a checkpoint: the data may not be in {db.name}"]
    found = []
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {
            t for (t,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        }
        for mart in marts:
            if mart not in tables:
                found.append(f"mart {mart} is missing from {db.name}")
            elif mart not in may_be_empty and con.execute(f"select count(*) from marts.{mart}").fetchall()[0][0] == 0:
                found.append(f"mart {mart} has no rows")
    finally:
        con.close()
    return found


REJECTS_SHOWN = 5


def catalogue_rejects(db: Path, shown: int = REJECTS_SHOWN) -> list[str]:
    """The first rejected lines of the user's catalogue, one sentence each, for the terminal
    (the build warns and publishes; every line is in fct_catalogue_rejects)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        if not con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'marts' and table_name = 'fct_catalogue_rejects'"
        ).fetchall()[0][0]:
            return []
        [(count,)] = con.execute("select count(*) from marts.fct_catalogue_rejects").fetchall()
        rows = con.execute(
            "select line_number, model_name, reasons from marts.fct_catalogue_rejects order by line_number limit ?",
            [shown],
        ).fetchall()
    finally:
        con.close()
    if not count:
        return []
    said = [f"{count} line(s) of the catalogue were rejected (all in marts.fct_catalogue_rejects); the first:"]
    said += [f"  line {line} ({(name or '')[:40]!r}): {reasons}" for line, name, reasons in rows]
    return said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="the built DuckDB file")
    parser.add_argument("--manifest", default=Path("target/manifest.json"), type=Path)
    args = parser.parse_args()
    marts = contracted_marts(args.manifest)
    if not marts:
        print(f"VERIFY FAILED: {args.manifest} declares no contracted marts", file=sys.stderr)
        return 1
    found = problems(args.db, marts, frozenset(marts_that_may_be_empty(args.manifest)))
    for problem in found:
        print(f"VERIFY FAILED: {problem}", file=sys.stderr)
    if not found:
        for line in catalogue_rejects(args.db):
            print(f"CATALOGUE: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
