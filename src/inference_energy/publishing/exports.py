"""Export every mart of a warehouse as Parquet, one file per mart, for BI tools.

Writes <out>/<mart>.parquet and <out>/views.sql, which defines one view per mart over
its Parquet file by absolute path (run it in any DuckDB, or adapt the paths for another
engine). `--final-dir` is where the folder will live once moved into place: the views
point there.

    python -m inference_energy.publishing.exports --db warehouse/inference_energy.duckdb --out warehouse/exports
"""

from __future__ import annotations

import argparse
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


def export_marts(db_path: str | Path, out_dir: str | Path, final_dir: str | Path | None = None) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    final = Path(final_dir or out).resolve()
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
    finally:
        con.close()
    views = ["-- One view per mart over its Parquet export (absolute paths).", "create schema if not exists marts;"]
    for name in marts:
        path = str(final / f"{name}.parquet").replace("'", "''")
        views.append(f"create or replace view marts.{name} as select * from read_parquet('{path}');")
    (out / "views.sql").write_text("\n".join(views) + "\n", encoding="utf-8")
    # marks the folder as this warehouse's: scripts/build replaces no exports/ folder without it
    (out / ".inference_energy_exports").write_text("written by inference_energy.publishing.exports\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--final-dir", help="where the export folder will be moved (paths in views.sql)")
    args = parser.parse_args()
    files = export_marts(args.db, args.out, args.final_dir)
    print(f"Exported {len(files)} marts to {args.out}")


if __name__ == "__main__":
    main()
