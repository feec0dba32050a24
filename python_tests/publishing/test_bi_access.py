"""BI access: Parquet exports with absolute-path views, and a file DuckDB 1.x can read."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
from conftest import VENV


def test_every_mart_is_exported_as_parquet(warehouse):
    exports = warehouse.db_path.parent / "exports"
    marts = {
        name: count
        for name, count in warehouse.query(
            "select table_name, estimated_size from duckdb_tables() where schema_name = 'marts'"
        )
    }
    assert sorted(p.stem for p in exports.glob("*.parquet")) == sorted(marts)
    con = duckdb.connect()
    for name in marts:
        [(rows,)] = con.execute(f"select count(*) from read_parquet('{exports / name}.parquet')").fetchall()
        assert rows == warehouse.query(f"select count(*) from marts.{name}")[0][0], name


def test_a_copied_exports_folder_reads_its_own_files_with_the_macros_and_comments(warehouse, tmp_path, monkeypatch):
    """views.sql holds paths relative to its folder (the variable exports_dir): a copy of the folder
    reads its own files, run from it or from anywhere with the variable set; the warehouse's macros
    come along and price over those views exactly as in the warehouse; the descriptions too."""
    copy = tmp_path / "copied exports"
    shutil.copytree(warehouse.db_path.parent / "exports", copy)
    views = (copy / "views.sql").read_text(encoding="utf-8")
    assert str(warehouse.db_path.parent) not in views and "read_parquet('/" not in views
    # the copy's own files: one mart's file emptied in the copy shows there, not in the original
    emptied = tmp_path / "dim_gpus.parquet"
    source = copy / "dim_gpus.parquet"
    duckdb.execute(f"copy (select * from read_parquet('{source}') limit 0) to '{emptied}'")
    shutil.move(emptied, source)
    resnet_sql = "select joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    macros_sql = (
        "select marts.joules_per_inference(7.6, date '2015-12-10', 'cv').joules_per_inference, "
        "marts.inference_footprint(3.6e6, 'FRA').gco2e"
    )
    [(resnet,)] = warehouse.query(resnet_sql)
    [macros] = warehouse.query(macros_sql)
    for how in ("from the folder", "with the variable"):
        if how == "from the folder":
            monkeypatch.chdir(copy)
            con = duckdb.connect()
        else:
            monkeypatch.chdir(tmp_path)
            con = duckdb.connect()
            con.execute(f"set variable exports_dir = '{copy}'")
        con.execute(views)
        assert con.execute("select count(*) from marts.dim_gpus").fetchall() == [(0,)], how
        assert con.execute(resnet_sql).fetchall() == [(resnet,)], how
        assert con.execute(macros_sql).fetchall() == [tuple(macros)], how
        [(comment,)] = con.execute(
            "select comment from duckdb_columns() where table_name = 'fct_inference_energy' and column_name = 'gflops'"
        ).fetchall()
        assert comment and "GFLOPs" in comment
        con.close()


def test_warehouse_uses_v1_storage_and_duckdb_1x_reads_it(warehouse):
    [(tags,)] = warehouse.query("select tags from duckdb_databases() where database_name = current_database()")
    assert tags["storage_version"].startswith("v1.0.0")
    cli = subprocess.run(
        [
            str(VENV / "bin" / "duckdb"),
            "-readonly",
            "-csv",
            "-noheader",
            str(warehouse.db_path),
            "-c",
            "select version(), count(*) from marts.fct_inference_energy",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 0, cli.stderr
    version, rows = cli.stdout.strip().split(",")
    assert version.startswith("v1.")
    assert int(rows) == warehouse.query("select count(*) from marts.fct_inference_energy")[0][0]


OLDEST_DUCKDB = "1.0.0"


def oldest_duckdb_python() -> Path:
    """A Python with exactly the oldest DuckDB we claim, installed once into its own small virtual
    environment (in the user's cache folder, so that fresh clones on one machine share it)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    venv = cache / "inference_energy" / f"venv-duckdb-{OLDEST_DUCKDB}"
    python = venv / "bin" / "python"
    ready = (
        python.exists()
        and subprocess.run(
            [str(python), "-c", f"import duckdb; assert duckdb.__version__ == '{OLDEST_DUCKDB}'"], capture_output=True
        ).returncode
        == 0
    )
    if not ready:  # missing, or left half-installed by an interrupted run: start again
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, timeout=300)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"duckdb=={OLDEST_DUCKDB}"],
            check=True,
            timeout=600,
        )
    return python


def test_the_oldest_duckdb_we_claim_reads_every_mart(warehouse):
    """The README promises any DuckDB from 1.0.0 on: read the file with exactly that version."""
    python = oldest_duckdb_python()
    marts = [name for (name,) in warehouse.query("select table_name from duckdb_tables() where schema_name = 'marts'")]
    # every value of every mart is read (not just counted), and compared as a hash
    script = (
        "import duckdb, hashlib, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(duckdb.__version__)\n"
        "for name in sys.argv[2:]:\n"
        "    rows = sorted(map(repr, con.execute(f'select * from marts.{name}').fetchall()))\n"
        "    print(name, hashlib.sha256(repr(rows).encode()).hexdigest())\n"
    )
    proc = subprocess.run(
        [str(python), "-c", script, str(warehouse.db_path), *marts], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    version, *counts = proc.stdout.split("\n")[:-1]
    assert version == OLDEST_DUCKDB
    expected = {
        name: hashlib.sha256(
            repr(sorted(map(repr, warehouse.query(f"select * from marts.{name}")))).encode()
        ).hexdigest()
        for name in marts
    }
    assert dict(line.split() for line in counts) == expected


MACRO_CALLS = (
    "select marts.joules_per_inference(7.6, date '2015-12-10', 'cv'), "
    "marts.gpu_efficiency_at(date '2024-01-01', 'nlp'), "
    "marts.estimate_measured_joules(8.2, 'h100_sxm5', 'int8', 'offline')"
)


def test_the_oldest_duckdb_we_claim_calls_the_sql_macros(warehouse):
    """The macros persisted in the file answer the same in DuckDB 1.0.0 as in ours."""
    script = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(repr(con.execute(sys.argv[2]).fetchall()))\n"
    )
    proc = subprocess.run(
        [str(oldest_duckdb_python()), "-c", script, str(warehouse.db_path), MACRO_CALLS],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == repr(warehouse.query(MACRO_CALLS))


def test_descriptions_travel_with_the_data(warehouse):
    """persist_docs: every mart and column carries its YAML description in the file, and each
    Parquet export carries them as key-value metadata."""
    [(missing_columns, columns)] = warehouse.query(
        "select count(*) filter (where comment is null), count(*) from duckdb_columns() where schema_name = 'marts'"
    )
    [(missing_tables,)] = warehouse.query(
        "select count(*) filter (where comment is null) from duckdb_tables() where schema_name = 'marts'"
    )
    assert columns > 0 and missing_columns == 0 and missing_tables == 0
    manifest = json.loads((warehouse.db_path.parent.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    [node] = [
        n for n in manifest["nodes"].values() if n["name"] == "fct_inference_energy" and n["resource_type"] == "model"
    ]
    [(comment,)] = warehouse.query(
        "select comment from duckdb_columns() where schema_name = 'marts' "
        "and table_name = 'fct_inference_energy' and column_name = 'joules_per_inference'"
    )
    assert comment == node["columns"]["joules_per_inference"]["description"]
    export = warehouse.db_path.parent / "exports" / "fct_inference_energy.parquet"
    metadata = {
        key.decode(): value.decode()
        for key, value in duckdb.connect()
        .execute("select key, value from parquet_kv_metadata(?)", [str(export)])
        .fetchall()
    }
    assert metadata["column:joules_per_inference"] == comment
    assert metadata["description"].startswith(node["description"].strip()[:40])


# A unit is in the column's name (the house naming: gflops, watts, joules, _pct, _per_, n_ ...)
# or its description says it, or says the number has none (a ratio, a count, an ordinal).
UNIT_IN_NAME = re.compile(
    r"(gflops|tflops|gops|watts|joules|_pct|millions|_per_|^n_|_year|year_|tokens|_px|ratio|share|factor"
    r"|r2|score|speedup|doubling|growth|log10|slope|intercept|seconds|days|decimals|samples|utilisation"
    r"|correlation|resamples)"
)
UNIT_IN_DESCRIPTION = re.compile(
    r"(joule|gflop|tflop|watt|percent|\(count\)|number of|ratio|factor|years?\b|days?\b|seconds?\b"
    r"|dimensionless|ordinal|no unit|fraction|log10|tokens|images|samples|millions|per second|calendar year"
    r"|in the unit of|in value_unit)",
    re.IGNORECASE,
)


def test_every_numeric_mart_column_names_its_unit(warehouse):
    rows = warehouse.query(
        "select table_name, column_name, coalesce(comment, '') from duckdb_columns() where schema_name = 'marts' "
        "and (data_type in ('DOUBLE', 'FLOAT', 'INTEGER', 'BIGINT', 'HUGEINT', 'SMALLINT') "
        "or data_type like 'DECIMAL%')"
    )
    assert ("fct_inference_energy", "joules_per_inference") in {(table, column) for table, column, _ in rows}
    without_unit = [
        f"{table}.{column}: {comment!r}"
        for table, column, comment in rows
        if not UNIT_IN_NAME.search(column) and not UNIT_IN_DESCRIPTION.search(comment)
    ]
    assert without_unit == []
