"""Check every seed CSV before dbt reads it: what must never reach SQL or agate.

For each seeds/**/*.csv: the file is not empty; every header cell is a plain identifier
(lowercase letters, digits, underscores) and a column declared for that seed in the seeds'
YAML; every line has as many values as the header. A failure names the file, the line
(1-based, as an editor shows it) and the rule. dbt's own seed loading checks the header
again (macro validate_seed_header) for plain `dbt seed` / `dbt build`.

    python -m inference_energy.build.seed_files [SEEDS_FOLDER]
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import yaml

IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def declared_columns(seeds: Path) -> dict[str, set[str]]:
    declared: dict[str, set[str]] = {}
    for path in sorted(seeds.rglob("*.yml")):
        for seed in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("seeds", []) or []:
            declared[seed["name"]] = {c["name"].lower() for c in seed.get("columns", []) or []}
    return declared


def problems(seeds: Path) -> list[str]:
    declared = declared_columns(seeds)
    found = []
    for path in sorted(seeds.rglob("*.csv")):
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig", errors="replace")
        if not text.strip():
            found.append(f"BAD SEED {path}: the file is empty (rule: every seed needs a header line and data rows)")
            continue
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        columns = declared.get(path.stem)
        for cell in header:
            if not IDENTIFIER.fullmatch(cell):
                found.append(
                    f"BAD SEED {path}: header cell '{cell}' is not a plain identifier (rule: seed column names "
                    "are lowercase letters, digits and underscores, declared in YAML)"
                )
            elif columns is not None and cell not in columns:
                found.append(
                    f"BAD SEED {path}: header cell '{cell}' is not a column declared in YAML "
                    "(rule: a seed has exactly the declared columns)"
                )
        for row in reader:
            if row and len(row) != len(header):
                found.append(
                    f"BAD SEED {path} line {reader.line_num}: {len(row)} values, but the header has "
                    f"{len(header)} columns (rule: every line has one value per column)"
                )
    return found


def main() -> int:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("seeds")
    found = problems(seeds)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
