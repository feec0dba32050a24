"""What is wrong with a catalogue file as a whole, said once, before any line is checked.

A file that is not UTF-8 (a spreadsheet's UTF-16 or Latin-1 export) or that lacks a column its
lines need would otherwise surface as a DuckDB error with its internal SQL, or as the same rule
blamed on every line. scripts/estimate calls these on its --input; scripts/build calls `main` with
its own arguments on the catalogue it is about to price (and says which one it is, and when it is
the sample).

    python -m inference_energy.catalogue.precheck [--vars '{catalogue_path: models.csv}']
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import yaml

from inference_energy import REPO

SAMPLE = Path("examples") / "sample_models.csv"
# enough of the file to tell its encoding, without reading a large catalogue whole
HEAD_BYTES = 1 << 16


def encoding_problem(path: Path) -> str | None:
    """One sentence when a CSV is not UTF-8 (with or without a BOM); None when it is."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4096]:
        return "the file is UTF-16 (a spreadsheet's 'Unicode text'); save it as CSV UTF-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(head) - 3:  # a character cut by the end of the head, not a bad byte
            return None
        byte = head[err.start]
        return (
            f"the file is not UTF-8 (byte 0x{byte:02x} at offset {err.start}: Latin-1 or Windows-1252?); "
            "save it as CSV UTF-8"
        )
    return None


def missing_columns(present: list[str]) -> list[str]:
    """The columns the file lacks that its lines would need, each said once."""
    have = {c.strip().lower() for c in present}
    problems = []
    if "name" not in have:
        problems.append("column name is missing (every line needs a name)")
    if "gflops" not in have and not {"params_millions", "input_tokens"} <= have:
        problems.append("give column gflops, or columns params_millions and input_tokens")
    for column, partner, what in (
        ("gpu_id", "precision", "a gpu_id line needs its precision"),
        ("precision", "gpu_id", "a precision needs its gpu_id"),
        ("date", "domain", "a date line needs its domain (cv or nlp)"),
        ("domain", "date", "a domain needs its date"),
    ):
        if column in have and partner not in have:
            problems.append(f"column {partner} is missing: {what}")
    if "date" not in have and "gpu_id" not in have:
        problems.append("give columns date and domain, or gpu_id and precision")
    return problems


def csv_columns(path: Path, csv_options: str) -> list[str]:
    """The header of a CSV as DuckDB reads it (the same dialect as the build and the CLI)."""
    con = duckdb.connect()
    try:
        quoted = str(path).replace("'", "''")
        rows = con.execute(f"select column_name from (describe select * from read_csv('{quoted}', {csv_options}))")
        return [c for (c,) in rows.fetchall()]
    finally:
        con.close()


def catalogue_path(build_args: list[str]) -> tuple[Path, bool]:
    """The catalogue a build prices (dbt's var catalogue_path in the build's --vars, else env
    INFERENCE_ENERGY_CATALOGUE, else the sample), and whether it is the sample."""
    given = os.environ.get("INFERENCE_ENERGY_CATALOGUE")
    for i, arg in enumerate(build_args):
        text = arg.split("=", 1)[1] if arg.startswith("--vars=") else None
        if arg == "--vars" and i + 1 < len(build_args):
            text = build_args[i + 1]
        if text:
            try:
                found = (yaml.safe_load(text) or {}).get("catalogue_path")
            except (yaml.YAMLError, AttributeError):
                found = None  # dbt will say what is wrong with its --vars
            given = str(found) if found else given
    path = Path(given) if given else SAMPLE
    path = path if path.is_absolute() else REPO / path
    return path, path.resolve() == (REPO / SAMPLE).resolve()


def main(argv: list[str] | None = None) -> int:
    """Say which catalogue the build prices; exit 2 with one sentence per problem of the file as a
    whole. What this cannot read (no file, an empty one) is left to dbt, which names it."""
    from .estimate import CSV_OPTIONS

    path, is_sample = catalogue_path(sys.argv[1:] if argv is None else argv)
    if is_sample:
        print(
            f"Catalogue: {SAMPLE} (the sample; price your own with INFERENCE_ENERGY_CATALOGUE=path/to/models.csv "
            "or --vars '{catalogue_path: ...}')"
        )
    else:
        print(f"Catalogue: {path}")
    if not path.is_file() or path.stat().st_size == 0 or path.suffix.lower() == ".parquet":
        return 0
    problems = [p for p in [encoding_problem(path)] if p]
    if not problems:
        try:
            problems = missing_columns(csv_columns(path, CSV_OPTIONS))
        except duckdb.Error:
            return 0
    for problem in problems:
        print(f"BAD CATALOGUE {path}: {problem}", file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
