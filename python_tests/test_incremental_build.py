"""A build does only what changed: nothing when nothing changed, the changed seeds and what
depends on them when only seeds changed, everything otherwise (scripts/build_state.py)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess

import build_state
import duckdb
from conftest import VENV, digest, tree_digest


def mart_fingerprints(db) -> dict[str, str]:
    """A hash of each mart's rows, in a stable order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        marts = [
            n for (n,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        ]
        return {
            name: hashlib.sha256(
                repr(sorted(map(repr, con.execute(f"select * from marts.{name}").fetchall()))).encode()
            ).hexdigest()
            for name in marts
        }
    finally:
        con.close()


def downstream_marts(manifest_path, seed: str) -> set[str]:
    """The marts that depend on a seed, read from dbt's graph."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    children = manifest["child_map"]
    seen, todo = set(), [f"seed.inference_energy.{seed}"]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    nodes = manifest["nodes"]
    return {
        nodes[c]["name"]
        for c in seen
        if c in nodes and nodes[c]["resource_type"] == "model" and nodes[c]["schema"] == "marts"
    }


def test_nothing_changed_runs_no_dbt_and_one_seed_row_rebuilds_exactly_its_marts(scratch):
    root = scratch.root
    # the scratch copy's warehouse is this checkout's last good build
    subprocess.run(
        [str(VENV / "bin" / "python"), "scripts/build_state.py", "record", "--db", "warehouse/inference_energy.duckdb"],
        cwd=root,
        check=True,
    )
    published = (digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(root / "reports"))

    unchanged = scratch.build()
    assert unchanged.returncode == 0, unchanged.output[-3000:]
    assert "Up to date" in unchanged.output and "Running with dbt" not in unchanged.output
    assert (digest(scratch.db), tree_digest(scratch.db.parent / "exports"), tree_digest(root / "reports")) == published

    before = mart_fingerprints(scratch.db)
    path = scratch.seed("human_energy_references")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[-1]["quantity_value"] = str(float(rows[-1]["quantity_value"]) * 2)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    changed = scratch.build()
    assert changed.returncode == 0, changed.output[-3000:]
    assert "Only seeds changed (human_energy_references)" in changed.output
    after = mart_fingerprints(scratch.db)
    moved = {name for name in before if before[name] != after[name]}
    assert moved == downstream_marts(root / "target" / "manifest.json", "human_energy_references")
    assert moved  # the change reached the marts that depend on the seed

    again = scratch.build()
    assert "Up to date" in again.output and "Running with dbt" not in again.output


def test_the_plan_follows_what_changed(tmp_path):
    root = tmp_path
    for folder in ("seeds/paper", "models"):
        (root / folder).mkdir(parents=True)
    (root / "seeds" / "paper" / "cv_models.csv").write_text("model_id\nalexnet\n", encoding="utf-8")
    (root / "models" / "m.sql").write_text("select 1", encoding="utf-8")
    (root / "dbt_project.yml").write_text("name: x\n", encoding="utf-8")
    db = root / "warehouse" / "w.duckdb"
    db.parent.mkdir()
    db.write_bytes(b"a warehouse")
    (root / "warehouse" / "exports").mkdir()
    reports = root / "reports"
    reports.mkdir()

    assert build_state.plan(root, db, reports) == "full"  # no record yet
    build_state.record(root, db, reports)
    assert build_state.plan(root, db, reports) == "up-to-date"
    assert build_state.plan(root, db, reports, force=True) == "full"

    (root / "seeds" / "paper" / "cv_models.csv").write_text("model_id\nalexnet\nvgg16\n", encoding="utf-8")
    assert build_state.plan(root, db, reports) == "seeds cv_models"
    (root / "models" / "m.sql").write_text("select 2", encoding="utf-8")
    assert build_state.plan(root, db, reports) == "full"
    shutil.copyfile(root / "dbt_project.yml", root / "models" / "m.sql")
    build_state.record(root, db, reports)
    db.write_bytes(b"a warehouse someone changed")
    assert build_state.plan(root, db, reports) == "full"  # a published file is not what the build left
