"""The Parquet exports as a BI contract, checked with great-expectations.

dbt tests the tables inside the DuckDB file; a BI tool that reads
warehouse/exports/<mart>.parquet sees none of that. Here each exported file is read back
with pandas (great-expectations 1.24 returns nothing through SQLAlchemy + duckdb-engine
on DuckDB, so it never connects to a database) and one checkpoint per file checks that
it keeps the mart's contract as dbt declares it (target/manifest.json): exactly the
contracted columns, in order; no nulls where the contract forbids them; a unique
primary key; and as many rows as the mart in the warehouse it was exported from.

    python -m inference_energy.publishing.export_validation --db warehouse/inference_energy.duckdb \
        --exports warehouse/exports --manifest target/manifest.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

# No usage analytics: nothing here may reach the network.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@dataclass(frozen=True)
class Contract:
    mart: str
    columns: list[str]
    not_null: list[str]
    primary_key: list[str]


@dataclass
class ExportResult:
    mart: str
    success: bool
    evaluated: int
    failed: list[str]


def contracts_from_manifest(manifest_path: str | Path) -> dict[str, Contract]:
    """The enforced contracts of the marts, as dbt declares them."""
    nodes = json.loads(Path(manifest_path).read_text(encoding="utf-8"))["nodes"].values()
    # the key of a mart is its unique / unique_combination data test
    keys = {}
    for node in nodes:
        metadata = node.get("test_metadata") or {}
        if node["resource_type"] == "test" and metadata.get("name") == "unique":
            keys[node["attached_node"]] = [node.get("column_name") or metadata["kwargs"]["column_name"]]
        elif node["resource_type"] == "test" and metadata.get("name") == "unique_combination":
            keys[node["attached_node"]] = list(metadata["kwargs"]["columns"])
    contracts = {}
    for node in nodes:
        if node["resource_type"] != "model" or node["schema"] != "marts":
            continue
        if not node["config"].get("contract", {}).get("enforced"):
            continue
        columns = list(node["columns"])
        not_null = [
            name
            for name, column in node["columns"].items()
            if any(c["type"] in ("not_null", "primary_key") for c in column.get("constraints", []))
        ]
        contracts[node["name"]] = Contract(node["name"], columns, not_null, keys.get(node["unique_id"], []))
    return contracts


def read_exports(exports_dir: str | Path, marts: list[str]) -> dict[str, pd.DataFrame]:
    """Each export as a BI tool's Parquet reader sees it (read by DuckDB: no pyarrow needed)."""
    con = duckdb.connect()
    try:
        frames = {}
        for name in marts:
            path = str(Path(exports_dir) / f"{name}.parquet").replace("'", "''")
            frames[name] = con.execute(f"select * from read_parquet('{path}')").df()
        return frames
    finally:
        con.close()


def warehouse_row_counts(db_path: str | Path, marts: list[str]) -> dict[str, int]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {name: con.execute(f"select count(*) from marts.{name}").fetchall()[0][0] for name in marts}
    finally:
        con.close()


def _expectations(gx, contract: Contract, rows: int) -> list:
    e = gx.expectations
    expectations = [
        e.ExpectTableColumnsToMatchOrderedList(column_list=contract.columns),
        e.ExpectTableRowCountToEqual(value=rows),
    ]
    expectations += [e.ExpectColumnValuesToNotBeNull(column=name) for name in contract.not_null]
    if len(contract.primary_key) == 1:
        expectations.append(e.ExpectColumnValuesToBeUnique(column=contract.primary_key[0]))
    elif contract.primary_key:
        expectations.append(e.ExpectCompoundColumnsToBeUnique(column_list=contract.primary_key))
    return expectations


def validate(frames: dict[str, pd.DataFrame], contracts: dict[str, Contract], rows: dict[str, int]):
    """One checkpoint per exported mart; a result per mart (a missing export fails)."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas(name="parquet_exports")
    results = []
    for name, contract in sorted(contracts.items()):
        if name not in frames:
            results.append(ExportResult(name, False, 0, [f"no export {name}.parquet"]))
            continue
        asset = source.add_dataframe_asset(name=name)
        batch = asset.add_batch_definition_whole_dataframe(f"{name}__all")
        suite = context.suites.add(
            gx.ExpectationSuite(name=f"{name}__contract", expectations=_expectations(gx, contract, rows[name]))
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{name}__validation", data=batch, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(name=f"{name}__checkpoint", validation_definitions=[definition])
        )
        run = checkpoint.run(batch_parameters={"dataframe": frames[name]})
        failed, evaluated = [], 0
        for validation in run.run_results.values():
            for outcome in validation.results:
                evaluated += 1
                if not outcome.success:
                    config = outcome.expectation_config
                    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
                    observed = outcome.result.get("observed_value", outcome.result.get("partial_unexpected_list", ""))
                    failed.append(f"{config.type} {kwargs} -> observed {observed}")
        results.append(ExportResult(name, run.success, evaluated, failed))
    return results


def summary(results: list[ExportResult]) -> str:
    lines = ["great-expectations: the Parquet exports against the marts' contracts"]
    for r in results:
        status = "PASS" if r.success else "FAIL"
        lines.append(f"  {status}  {r.mart:<36} {r.evaluated - len(r.failed)}/{r.evaluated} expectations met")
        lines.extend(f"        - {message}" for message in r.failed)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the warehouse the exports were written from")
    parser.add_argument("--exports", required=True, help="folder of <mart>.parquet files")
    parser.add_argument("--manifest", default="target/manifest.json", help="dbt's manifest (contracts)")
    args = parser.parse_args()
    contracts = contracts_from_manifest(args.manifest)
    results = validate(
        read_exports(args.exports, [m for m in contracts if (Path(args.exports) / f"{m}.parquet").exists()]),
        contracts,
        warehouse_row_counts(args.db, list(contracts)),
    )
    print(summary(results))
    return 0 if all(r.success for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
