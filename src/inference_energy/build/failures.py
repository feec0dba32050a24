"""Print what a failed `dbt build` found, row by row, from the failures dbt stored.

Every data test stores its failing rows in the `audit` schema (dbt_project.yml:
store_failures). After a failed build this reads dbt's run_results.json and
manifest.json, and for each failed test prints the table, the rule and each failing
row named by its key (the model's `meta.row_key`), e.g.

    raw.cv_models: 1 row(s) break rule "values must match the data_type declared in YAML"
      (test seed_columns_cv_models_; rows: select * from audit.seed_columns_cv_models_)
        model_id 'alexnet': column release_date = '01/06/2012' is not a valid date (expected YYYY-MM-DD)

Our own tests return `rule` and `failure_message` columns; for dbt's built-in tests
(unique, not_null, accepted_values, relationships) the rule is written from the test's
arguments and the rows are looked up in the tested table.

    python -m inference_energy.build.failures --db warehouse/x.duckdb [--target target]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import duckdb

MAX_ROWS = 20
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def row_label_sql(meta: dict) -> str:
    """The SQL expression naming a row, as macro row_label builds it for our own tests."""
    key = (meta or {}).get("row_key")
    if not key:
        return "'row'"
    label = meta.get("row_key_label") or (key if IDENTIFIER.fullmatch(key) else "row")
    return f"{sql_string(label + ' ')} || '''' || coalesce(cast(({key}) as varchar), 'null') || ''''"


def relation(node: dict) -> str:
    return f"{quote(node['schema'])}.{quote(node.get('alias') or node['name'])}"


def display_name(node: dict) -> str:
    return f"{node['schema']}.{node.get('alias') or node['name']}"


def builtin_rule(name: str, kwargs: dict, column: str) -> str:
    if name == "not_null":
        return f"{column} is required (not_null)"
    if name == "unique":
        return f"{column} must be unique"
    if name == "accepted_values":
        return f"{column} must be one of [{', '.join(map(str, kwargs.get('values', [])))}] (accepted_values)"
    if name == "relationships":
        to = re.sub(r"ref\('([^']+)'\)", r"\1", str(kwargs.get("to", "")))
        return f"{column} must reference {to}.{kwargs.get('field')} (relationships)"
    return name


def builtin_messages(con, name: str, audit: str, model: dict, column: str) -> list[str]:
    """Failing rows of a built-in test, named by the tested table's row key."""
    label = row_label_sql(model.get("meta") or model.get("config", {}).get("meta", {}))
    col = column if not IDENTIFIER.fullmatch(column) else quote(column)
    if name == "not_null":
        sql = f"select {label} || ': {column} is empty' from {audit}"
    elif name == "unique":
        sql = (
            f"select '{column} = ' || coalesce(cast(unique_field as varchar), 'null') || ' appears ' "
            f"|| n_records || ' times' from {audit}"
        )
    else:
        field = "value_field" if name == "accepted_values" else "from_field"
        sql = (
            f"select {label} || ': {column} = ''' || cast({col} as varchar) || '''' from {relation(model)} "
            f"where cast({col} as varchar) in (select cast({field} as varchar) from {audit})"
        )
    return [r[0] for r in con.execute(f"{sql} order by 1").fetchall()]


def failed_tests(target: Path) -> list[tuple[dict, dict]]:
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    nodes = json.loads((target / "manifest.json").read_text(encoding="utf-8"))["nodes"]
    return [(r, nodes.get(r["unique_id"], {})) for r in results if r["status"] in ("fail", "error", "warn")]


def report(db: Path, target: Path) -> list[str]:
    """Lines describing every failed node of the last dbt run in `target`."""
    nodes = json.loads((target / "manifest.json").read_text(encoding="utf-8"))["nodes"]
    lines: list[str] = []
    con = duckdb.connect(str(db), read_only=True) if db.exists() else None
    try:
        for result, node in failed_tests(target):
            kind = "WARNING" if result["status"] == "warn" else "FAILED"
            if node.get("resource_type") != "test" or result["status"] == "error" or con is None:
                message = (result.get("message") or "").strip().splitlines()
                lines.append(f"{kind} {result['unique_id']}: " + (message[0] if message else result["status"]))
                lines += ["    " + m for m in message[1:8]]
                continue
            audit = relation(node)
            metadata = node.get("test_metadata") or {}
            attached = nodes.get(node.get("attached_node") or "", {})
            column = node.get("column_name") or metadata.get("kwargs", {}).get("column_name") or ""
            try:
                if metadata.get("name") in ("not_null", "unique", "accepted_values", "relationships") and attached:
                    rule = builtin_rule(metadata["name"], metadata.get("kwargs", {}), column)
                    groups = [(rule, builtin_messages(con, metadata["name"], audit, attached, column))]
                else:
                    rows = con.execute(f"select rule, failure_message from {audit} order by 1, 2").fetchall()
                    by_rule = {}
                    for row_rule, message in rows:
                        by_rule.setdefault(row_rule, []).append(message)
                    groups = list(by_rule.items()) or [(node["name"], [])]
            except duckdb.Error as err:
                groups = [(node["name"], [f"(failing rows could not be read: {err})"])]
            if attached:
                table = display_name(attached)
            else:  # a singular test: name it and the tables it reads
                read = [display_name(nodes[p]) for p in node.get("depends_on", {}).get("nodes", []) if p in nodes]
                table = f"test {node['name']}" + (f" (on {', '.join(read)})" if read else "")
            # a test of many rules (seed_columns, row_rules) says each broken rule with its rows
            for rule, messages in groups:
                count = len(messages) if len(groups) > 1 else (result.get("failures") or len(messages))
                lines.append(f'{kind} {table}: {count} row(s) break rule "{rule}"')
                lines.append(f"    (test {node['name']}; rows: select * from {node['schema']}.{node['alias']})")
                lines += ["        " + m for m in messages[:MAX_ROWS]]
                if len(messages) > MAX_ROWS:
                    lines.append(f"        ... and {len(messages) - MAX_ROWS} more")
    finally:
        if con is not None:
            con.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path, help="the DuckDB file the failed build wrote")
    parser.add_argument("--target", default=Path("target"), type=Path, help="dbt's target folder")
    args = parser.parse_args()
    if not (args.target / "run_results.json").exists():
        return 0
    for line in report(args.db, args.target):
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
