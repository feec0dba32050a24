"""Bad input must fail ./scripts/build with a message naming the table, the row and
the rule, and leave the last good warehouse and its exports untouched.

Each fault is injected alone into the scratch project (a copy that starts from the
suite's one full build) and built with `./scripts/build --select <seed>+`: only what
the fault touches is rebuilt, on a copy of the last good warehouse.
"""

from __future__ import annotations

import os
import queue
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb
import pytest
from bad_input_cases import CASES, INJECTION_PROBE, V100_FP32
from conftest import BUILDING, VENV, BuildResult, ScratchProject, digest, make_scratch, tree_digest
from seed_corruptions import edit_seed, rename_column


@dataclass
class FaultOutcome:
    result: BuildResult
    warehouse_unchanged: bool
    exports_unchanged: bool
    report_unchanged: bool
    building_folder_left: bool


def run_fault(project: ScratchProject, case: str) -> FaultOutcome:
    seed, corrupt, _ = CASES[case]
    project.reset()
    warehouse_before = digest(project.db)
    exports_before = tree_digest(project.db.parent / "exports")
    report_before = tree_digest(project.root / "reports")
    corrupt(project)
    result = project.build("--select", f"{seed}+")
    return FaultOutcome(
        result,
        digest(project.db) == warehouse_before,
        tree_digest(project.db.parent / "exports") == exports_before,
        tree_digest(project.root / "reports") == report_before,
        (project.db.parent / BUILDING).exists(),
    )


@pytest.fixture(scope="module")
def fault_outcomes(warehouse, tmp_path_factory) -> dict[str, FaultOutcome]:
    """Every fault, each alone, on two project copies at once (one per core)."""
    copies: queue.Queue[ScratchProject] = queue.Queue()
    for _ in range(2):
        copies.put(make_scratch(warehouse, tmp_path_factory.mktemp("faults")))

    def run(case: str) -> tuple[str, FaultOutcome]:
        project = copies.get()
        try:
            return case, run_fault(project, case)
        finally:
            copies.put(project)

    INJECTION_PROBE.unlink(missing_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, sorted(CASES)))


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_and_names_row_and_rule(fault_outcomes, case):
    outcome = fault_outcomes[case]
    output = outcome.result.output
    assert outcome.result.returncode != 0, f"{case}: build should fail\n{output[-3000:]}"
    for fragment in CASES[case][2]:
        assert fragment in output, f"{case}: {fragment!r} missing from\n{output[-4000:]}"
    assert "BUILD FAILED: the last good warehouse" in output and "left untouched" in output
    assert outcome.warehouse_unchanged and outcome.exports_unchanged and outcome.report_unchanged
    assert not outcome.building_folder_left
    assert not INJECTION_PROBE.exists(), "SQL in a seed header ran"


def test_failing_rows_are_stored_and_can_be_queried_after_a_failed_build(scratch):
    edit_seed("gpu_specs", V100_FP32, {"watts": "-300"})(scratch)
    result = scratch.build("--select", "gpu_specs+")
    assert result.returncode != 0
    failed = scratch.db.parent / "failed_build" / scratch.db.name
    assert failed.exists(), result.output[-2000:]
    con = duckdb.connect(str(failed), read_only=True)
    try:
        [(view,)] = con.execute(
            "select view_name from duckdb_views() where schema_name = 'audit' "
            "and view_name = 'assert_stg_gpu_specs__row_rules'"
        ).fetchall()
        rows = con.execute(f"select rule, failure_message from audit.{view}").fetchall()
    finally:
        con.close()
    assert rows == [("watts must be positive", "row 'Tesla V100 / FP32' (watts=-300.0)")]


def test_a_warn_test_warns_and_the_build_succeeds(scratch):
    """severity: warn works on our tests: plain `dbt build` passes, says WARN, stores the rows."""
    probe = scratch.root / "tests" / "assert_probe_warns.sql"
    probe.write_text(
        "{{ config(severity='warn') }}\n"
        "select 'probe rule' as rule, model_id as failure_message\n"
        "from {{ ref('stg_paper__cv_models') }} where model_id = 'alexnet'\n",
        encoding="utf-8",
    )
    try:
        proc = subprocess.run(
            [str(VENV / "bin" / "dbt"), "build", "--select", "stg_paper__cv_models"],
            cwd=scratch.root,
            env=dict(os.environ, INFERENCE_ENERGY_DB="warehouse/inference_energy.duckdb"),
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        probe.unlink()
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "WARN 1 assert_probe_warns" in proc.stdout
    # plain dbt says what it did not refresh
    assert "the Parquet exports (warehouse/exports/) and the report are refreshed by ./scripts/build" in proc.stdout
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        assert con.execute("select * from audit.assert_probe_warns").fetchall() == [("probe rule", "alexnet")]
    finally:
        con.close()


def test_plain_dbt_seed_refuses_sql_in_a_header_before_touching_the_warehouse(scratch):
    """Plain `dbt seed` into the warehouse itself: the header is refused before the existing
    table is dropped, and the payload never runs."""
    INJECTION_PROBE.unlink(missing_ok=True)
    rename_column("gpu_specs", "gpu_type", f"x varchar); copy (select 1) to '{INJECTION_PROBE}' (format csv); --")(
        scratch
    )
    proc = subprocess.run(
        [str(VENV / "bin" / "dbt"), "seed", "--select", "gpu_specs"],
        cwd=scratch.root,
        env=dict(os.environ, INFERENCE_ENERGY_DB="warehouse/inference_energy.duckdb"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert "BAD SEED seeds/paper/gpu_specs.csv: header cell 'x varchar); copy" in proc.stdout
    assert not INJECTION_PROBE.exists()
    con = duckdb.connect(str(scratch.db), read_only=True)
    try:
        assert con.execute("select count(*) > 0 from raw.gpu_specs").fetchall() == [(True,)]
    finally:
        con.close()
