"""Export every mart of a warehouse as Parquet, one file per mart, for BI tools.

Writes <out>/<mart>.parquet and <out>/views.sql: one view per mart over its Parquet file, by a
path relative to the folder (the DuckDB variable exports_dir, '.' unless set first), so that a
copied or moved folder reads its own files; the warehouse's persisted SQL macros
(marts.joules_per_inference, marts.inference_footprint, ...), which then read those views; and
the marts' and columns' descriptions as comments.

    python -m inference_energy.publishing.exports --db warehouse/inference_energy.duckdb --out warehouse/exports
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

import duckdb


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _kv_metadata(con, mart: str) -> str:
    """The mart's and its columns' descriptions (persisted by dbt's persist_docs) as Parquet
    key-value metadata: key 'description' for the table, 'column:<name>' for each column."""
    [(table_comment,)] = con.execute(
        "select comment from duckdb_tables() where schema_name = 'marts' and table_name = ?", [mart]
    ).fetchall()
    pairs = [("description", table_comment)] + con.execute(
        "select 'column:' || column_name, comment from duckdb_columns() "
        "where schema_name = 'marts' and table_name = ? order by column_index",
        [mart],
    ).fetchall()
    entries = ", ".join(f"{_sql_text(key)}: {_sql_text(value)}" for key, value in pairs if value)
    return f", kv_metadata {{{entries}}}" if entries else ""


def mart_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table of schema marts, by name (what is exported, and what a digest covers)."""
    return [
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts' and table_type = 'BASE TABLE' order by table_name"
        ).fetchall()
    ]


VIEWS_HEADER = """\
-- The warehouse's marts as views over this folder's Parquet files, its SQL macros and its comments.
-- Paths are relative to this folder: run it from here (cd exports && duckdb my_bi.duckdb < views.sql),
-- or say where the folder is first, in the same session (a BI tool: in its connection's init SQL):
--   set variable exports_dir = '/path/to/exports';
-- The views read the variable at query time: a later session sets it again (or runs from here).
set variable exports_dir = coalesce(getvariable('exports_dir'), '.');
create schema if not exists marts;"""


def persisted_macros(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The CREATE MACRO statements of schema marts, as DuckDB itself writes them (with their
    default arguments, which duckdb_functions() does not show): from an EXPORT DATABASE of the
    file's schema into a temporary folder."""
    wanted = {
        name
        for (name,) in con.execute(
            "select function_name from duckdb_functions() where schema_name = 'marts' and function_type = 'macro'"
        ).fetchall()
    }
    with tempfile.TemporaryDirectory() as folder:
        con.execute(f"export database '{folder}' (format csv)")
        schema = (Path(folder) / "schema.sql").read_text(encoding="utf-8")
    statements = [s.strip() for s in schema.split(";\n") if s.strip().upper().startswith("CREATE MACRO MARTS.")]
    found = {re.match(r"CREATE MACRO marts\.(\w+)", s, re.I).group(1) for s in statements}
    if found != wanted:
        raise RuntimeError(f"the exported schema has macros {sorted(found)}, the file {sorted(wanted)}")
    return [s.replace("CREATE MACRO", "create or replace macro", 1) + ";" for s in statements]


def comments(con: duckdb.DuckDBPyConnection, mart: str) -> list[str]:
    """COMMENT ON statements for a mart's view and its columns (dbt's persisted descriptions)."""
    [(table_comment,)] = con.execute(
        "select comment from duckdb_tables() where schema_name = 'marts' and table_name = ?", [mart]
    ).fetchall()
    said = [f"comment on view marts.{mart} is {_sql_text(table_comment)};"] if table_comment else []
    for column, comment in con.execute(
        "select column_name, comment from duckdb_columns() where schema_name = 'marts' and table_name = ? "
        "and comment is not null order by column_index",
        [mart],
    ).fetchall():
        said.append(f'comment on column marts.{mart}."{column}" is {_sql_text(comment)};')
    return said


def export_marts(db_path: str | Path, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        marts = mart_names(con)
        if not marts:
            raise RuntimeError(f"{db_path}: no tables in schema marts")
        written = []
        for name in marts:
            target = out / f"{name}.parquet"
            quoted = str(target).replace("'", "''")
            con.execute(f"copy (select * from marts.{name}) to '{quoted}' (format parquet{_kv_metadata(con, name)})")
            # the file as a reader will see it: same columns, same rows as the mart
            exported = con.execute(f"select * from read_parquet('{quoted}') limit 0").description
            in_mart = con.execute(f"select * from marts.{name} limit 0").description
            [(rows_exported,)] = con.execute(f"select count(*) from read_parquet('{quoted}')").fetchall()
            [(rows_in_mart,)] = con.execute(f"select count(*) from marts.{name}").fetchall()
            if [c[0] for c in exported] != [c[0] for c in in_mart] or rows_exported != rows_in_mart:
                raise RuntimeError(f"{target}: the export does not match marts.{name}")
            written.append(target)
        views = [VIEWS_HEADER]
        for name in marts:
            views.append(
                f"create or replace view marts.{name} as "
                f"select * from read_parquet(getvariable('exports_dir') || '/{name}.parquet');"
            )
            views.extend(comments(con, name))
        views.append("-- the warehouse's SQL macros, over the views above")
        views.extend(persisted_macros(con))
    finally:
        con.close()
    (out / "views.sql").write_text("\n".join(views) + "\n", encoding="utf-8")
    # marks the folder as this warehouse's: scripts/build replaces no exports/ folder without it
    (out / ".inference_energy_exports").write_text("written by inference_energy.publishing.exports\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    files = export_marts(args.db, args.out)
    print(f"Exported {len(files)} marts to {args.out}")


if __name__ == "__main__":
    main()
