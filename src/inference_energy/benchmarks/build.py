"""Benchmark of what a rebuild costs, against a bare `dbt build` of a trivial 3-model
dbt-duckdb project in the same virtual environment. In a temporary copy of the project
(your warehouse is never touched), interleaved, several repetitions:
  bare       dbt build of the trivial project
  no-change  ./scripts/build with nothing changed ("up to date")
  one-row    ./scripts/build after one seed row changed (rebuilds what depends on it)
  force      ./scripts/build --force (everything)
  dbt floor  dbt build of a generated project with as many seeds, models and data tests as
             ours, each trivial (two-row seeds, one-line models, unique/not_null tests):
             what dbt itself costs for that many nodes, the least a full build can take
Prints the medians and their ratios to the bare build and writes them to
reports/benchmarks.md. A benchmark, not a test: nothing is asserted.

  ./scripts/bench_build [REPETITIONS]   (default 3)
"""

from __future__ import annotations

import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from inference_energy.benchmarks.results_file import publish
from inference_energy.build.project_copy import copy_project


def timed(cmd, cwd, env=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return elapsed, proc.stdout + proc.stderr


def main() -> None:
    REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    REPO = Path.cwd()
    VENV = Path(sys.prefix)
    TARGETS = {"no-change": 1.5, "one-row": 4.0, "force": 6.0}

    with tempfile.TemporaryDirectory(prefix="bench_build_") as tmp:
        tmp = Path(tmp)
        project, trivial = tmp / "project", tmp / "trivial"
        copy_project(REPO, project)
        (trivial / "models").mkdir(parents=True)
        (trivial / "dbt_project.yml").write_text("name: trivial\nversion: '1.0'\nprofile: trivial\nconfig-version: 2\n")
        (trivial / "profiles.yml").write_text(
            "trivial:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            "      path: trivial.duckdb\n      threads: 2\n"
        )
        (trivial / "models" / "a.sql").write_text("select 1 as x")
        (trivial / "models" / "b.sql").write_text("select x + 1 as x from {{ ref('a') }}")
        (trivial / "models" / "c.sql").write_text("select x * 2 as x from {{ ref('b') }}")

        env = dict(os.environ, INFERENCE_ENERGY_VENV=str(VENV))
        dbt = [str(VENV / "bin" / "dbt"), "build", "--profiles-dir", "."]
        build = [str(project / "scripts" / "build")]
        print("warming up (a full build of the copy, and the trivial projects once)...", file=sys.stderr)
        timed(build, project, env)
        timed(dbt, trivial, env)

        # the floor: our node counts (from the copy's manifest), trivial work, dbt's defaults
        # but for the debug log file, which ./scripts/build leaves off too
        nodes = json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))["nodes"].values()
        counts = {kind: sum(node["resource_type"] == kind for node in nodes) for kind in ("seed", "model", "test")}
        floor = tmp / "floor"
        (floor / "models").mkdir(parents=True)
        (floor / "seeds").mkdir()
        (floor / "dbt_project.yml").write_text(
            "name: floor\nversion: '1.0'\nprofile: floor\nconfig-version: 2\n"
            "models:\n  floor:\n    +materialized: table\n"
        )
        (floor / "profiles.yml").write_text(
            "floor:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
            "      path: floor.duckdb\n      threads: 2\n"
        )
        for i in range(counts["seed"]):
            (floor / "seeds" / f"s{i}.csv").write_text("id,v\n1,a\n2,b\n")
        budget = counts["test"]
        tests_of = {i: [] for i in range(counts["model"])}
        for column, test in (("id", "unique"), ("id", "not_null"), ("v", "not_null")):
            for i in tests_of:
                if budget:
                    tests_of[i].append((column, test))
                    budget -= 1
        floor_tests = counts["test"] - budget
        schema = ["models:"]
        for i in range(counts["model"]):
            parent = f"s{i}" if i < counts["seed"] else f"m{i - counts['seed']}"
            (floor / "models" / f"m{i}.sql").write_text(f"select id, v from {{{{ ref('{parent}') }}}}\n")
            schema += [f"  - name: m{i}", "    columns:"]
            for column in ("id", "v"):
                tests = ", ".join(test for c, test in tests_of[i] if c == column)
                schema += [f"      - name: {column}", f"        data_tests: [{tests}]"]
        (floor / "models" / "schema.yml").write_text("\n".join(schema) + "\n")
        floor_dbt = dbt + ["--log-level-file", "none"]
        timed(floor_dbt, floor, env)

        seed = project / "seeds" / "paper" / "human_energy_references.csv"
        original = seed.read_text(encoding="utf-8")
        rows = list(csv.DictReader(original.splitlines()))
        results = {"bare": [], "no-change": [], "one-row": [], "force": [], "dbt floor": []}
        for rep in range(REPS):
            results["bare"].append(timed(dbt, trivial, env)[0])
            results["dbt floor"].append(timed(floor_dbt, floor, env)[0])
            elapsed, output = timed(build, project, env)
            assert "Up to date" in output, output[-2000:]
            results["no-change"].append(elapsed)
            # one row of one seed changes (a different value each repetition)
            rows[0]["quantity_value"] = str(2000 + rep + 1)
            with open(seed, "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            elapsed, output = timed(build, project, env)
            assert "Only seeds changed" in output, output[-2000:]
            results["one-row"].append(elapsed)
            results["force"].append(timed(build + ["--force"], project, env)[0])
            print(
                f"repetition {rep + 1}/{REPS}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in results.items()),
                file=sys.stderr,
            )

    bare = statistics.median(results["bare"])
    lines = [
        "# Build benchmark",
        "",
        f"`./scripts/bench_build {REPS}` on {platform.node() or 'this machine'} ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}), {time.strftime('%Y-%m-%d')}: {REPS} interleaved repetitions, "
        "seconds of wall time.",
        "The reference is a bare `dbt build` of a trivial 3-model dbt-duckdb project in the same virtual environment.",
        f"`dbt floor` is a generated project with our {counts['seed']} seeds, {counts['model']} models and "
        f"{floor_tests} data tests, each trivial: what dbt itself costs for that many nodes, the least a full build "
        "(`force`) could take before any of our SQL, Python models, unit tests, docs or report.",
        "",
        "| scenario | median s | min s | median / bare | target |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, times in results.items():
        target = f"<= {TARGETS[name]:g}x" if name in TARGETS else ""
        median = statistics.median(times)
        lines.append(f"| {name} | {median:.1f} | {min(times):.1f} | {median / bare:.2f}x | {target} |")
    publish(REPO / "reports" / "benchmarks.md", "bench_build", lines)


if __name__ == "__main__":
    main()
