"""Your catalogue of models (the dbt source catalogue.models), checked with great-expectations.

dbt prices the valid lines (fct_catalogue_energy) and keeps the others with their reasons
(fct_catalogue_rejects). This adds what dbt's tests do not give a person holding the file: a
readable page, reports/catalogue_validation.html, with each expectation, whether the file
meets it, and every bad line with its values and why. It reads the file's lines as the
warehouse staged them (staging.stg_catalogue__models, every value still as written) into
pandas: great-expectations 1.24 returns nothing through SQLAlchemy + duckdb-engine on DuckDB.

The page is redrawn only when the staged lines, the known GPUs or this script changed
(great-expectations takes ~5 s to import); otherwise the previous page is copied.

    python -m inference_energy.catalogue.validation --db warehouse/inference_energy.duckdb \
        --out reports/catalogue_validation.html [--previous reports/catalogue_validation.html]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

NON_NEGATIVE_NUMBER = r"^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
# the same with a non-zero digit before any exponent
POSITIVE_NUMBER = r"^\+?(?=[\d.]*[1-9])(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
FINGERPRINT_MARK = "<!-- catalogue-validation-fingerprint: {} -->"


@dataclass
class Check:
    rule: str
    failed_lines: list[int] = field(default_factory=list)
    failed_values: list[str] = field(default_factory=list)


def load(db_path: str | Path) -> tuple[pd.DataFrame, dict[str, list[str]], dict[str, int]]:
    """The staged lines; the GPUs and number formats the warehouse has peaks for; how many
    lines the warehouse priced and rejected (shown beside great-expectations' count)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        lines = con.execute("select * from staging.stg_catalogue__models order by line_number").df()
        peaks = con.execute("select gpu_id, number_format from marts.fct_gpu_peaks_by_number_format").fetchall()
        [(priced, rejected)] = con.execute(
            "select (select count(*) from marts.fct_catalogue_energy), "
            "(select count(*) from marts.fct_catalogue_rejects)"
        ).fetchall()
    finally:
        con.close()
    known = {
        "gpu_id": sorted({g for g, _ in peaks}),
        "precision": sorted({f for _, f in peaks}),
        "gpu_precision": sorted({f"{g}/{f}" for g, f in peaks}),
    }
    return lines, known, {"priced": priced, "rejected": rejected}


def with_derived_columns(lines: pd.DataFrame, known: dict[str, list[str]]) -> pd.DataFrame:
    """Which inputs a line gives: a rule across columns as one column great-expectations can
    check (a value set), the same either/or rules as int_catalogue_models_validated."""
    df = lines.copy()
    has = {c: df[c].notna() for c in ("gflops_text", "params_millions_text", "input_tokens_text")}
    df["work_inputs"] = "missing"
    df.loc[has["params_millions_text"] & has["input_tokens_text"], "work_inputs"] = "params_and_tokens"
    df.loc[has["gflops_text"], "work_inputs"] = "gflops"
    date, domain, gpu, precision = (df[c].notna() for c in ("release_date_text", "domain", "gpu_id", "precision"))
    df["method_inputs"] = "inconsistent"
    df.loc[date & domain & ~gpu & ~precision, "method_inputs"] = "date_and_domain"
    df.loc[gpu & precision & ~date & ~domain, "method_inputs"] = "gpu_and_precision"
    # the pair, where each is known on its own (an unknown one is flagged by its own rule)
    df["gpu_precision"] = None
    pair = df["gpu_id"].isin(known["gpu_id"]) & df["precision"].isin(known["precision"])
    df.loc[pair, "gpu_precision"] = df.loc[pair, "gpu_id"] + "/" + df.loc[pair, "precision"]
    return df


def expectations(gx, known: dict[str, list[str]]) -> list[tuple[str, object]]:
    e = gx.expectations
    return [
        ("name is required", e.ExpectColumnValuesToNotBeNull(column="model_name")),
        ("name is unique", e.ExpectColumnValuesToBeUnique(column="model_name")),
        (
            "give gflops, or params_millions and input_tokens",
            e.ExpectColumnValuesToBeInSet(column="work_inputs", value_set=["gflops", "params_and_tokens"]),
        ),
        ("gflops is a positive number", e.ExpectColumnValuesToMatchRegex(column="gflops_text", regex=POSITIVE_NUMBER)),
        (
            "params_millions is a positive number",
            e.ExpectColumnValuesToMatchRegex(column="params_millions_text", regex=POSITIVE_NUMBER),
        ),
        (
            "input_tokens is a positive number",
            e.ExpectColumnValuesToMatchRegex(column="input_tokens_text", regex=POSITIVE_NUMBER),
        ),
        (
            "give either date and domain, or gpu_id and precision",
            e.ExpectColumnValuesToBeInSet(column="method_inputs", value_set=["date_and_domain", "gpu_and_precision"]),
        ),
        (
            "date is written YYYY-MM-DD",
            e.ExpectColumnValuesToMatchRegex(column="release_date_text", regex=r"^\d{4}-\d{2}-\d{2}$"),
        ),
        (
            "date is a real date",
            e.ExpectColumnValuesToMatchStrftimeFormat(column="release_date_text", strftime_format="%Y-%m-%d"),
        ),
        ("domain is cv or nlp", e.ExpectColumnValuesToBeInSet(column="domain", value_set=["cv", "nlp"])),
        ("gpu_id is a GPU of the warehouse", e.ExpectColumnValuesToBeInSet(column="gpu_id", value_set=known["gpu_id"])),
        (
            "precision is a number format with GPU peaks: " + ", ".join(known["precision"]),
            e.ExpectColumnValuesToBeInSet(column="precision", value_set=known["precision"]),
        ),
        (
            "gpu_id has a peak at this precision",
            e.ExpectColumnValuesToBeInSet(column="gpu_precision", value_set=known["gpu_precision"]),
        ),
        (
            "scenario is offline or server",
            e.ExpectColumnValuesToBeInSet(column="scenario", value_set=["offline", "server"]),
        ),
        (
            "inferences_per_day is a number >= 0",
            e.ExpectColumnValuesToMatchRegex(column="inferences_per_day_text", regex=NON_NEGATIVE_NUMBER),
        ),
    ]


def validate(lines: pd.DataFrame, known: dict[str, list[str]]) -> list[Check]:
    """One great-expectations run over the lines; per expectation, the lines that fail it."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    frame = with_derived_columns(lines, known)
    rules = expectations(gx, known)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas(name="catalogue").add_dataframe_asset(name="models")
    suite = context.suites.add(gx.ExpectationSuite(name="catalogue", expectations=[e for _, e in rules]))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="catalogue", data=asset.add_batch_definition_whole_dataframe("all"), suite=suite)
    )
    result = definition.run(
        batch_parameters={"dataframe": frame},
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["line_number"]},
    )
    by_type_and_column = {(r.expectation_config.type, r.expectation_config.kwargs["column"]): r for r in result.results}
    checks = []
    for rule, expectation in rules:
        outcome = by_type_and_column[(expectation.expectation_type, expectation.column)]
        check = Check(rule)
        for row in outcome.result.get("unexpected_index_list") or []:
            check.failed_lines.append(int(row["line_number"]))
            check.failed_values.append("" if pd.isna(row[expectation.column]) else str(row[expectation.column]))
        checks.append(check)
    return checks


def bad_lines(checks: list[Check]) -> dict[int, list[str]]:
    reasons: dict[int, list[str]] = {}
    for check in checks:
        for line in check.failed_lines:
            reasons.setdefault(line, []).append(check.rule)
    return dict(sorted(reasons.items()))


def fingerprint(lines: pd.DataFrame, known: dict[str, list[str]], counts: dict[str, int]) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(lines.to_csv(index=False).encode())
    digest.update(repr((sorted(known.items()), sorted(counts.items()))).encode())
    return digest.hexdigest()


def render(lines: pd.DataFrame, checks: list[Check], counts: dict[str, int], stamp: str) -> str:
    reasons = bad_lines(checks)
    esc = html.escape
    shown = ["line_number", "model_name", "gflops_text", "params_millions_text", "input_tokens_text"]
    shown += ["release_date_text", "domain", "gpu_id", "precision", "scenario", "inferences_per_day_text"]
    by_line = lines.set_index("line_number")
    rows = []
    for line, why in reasons.items():
        values = by_line.loc[line]
        cells = "".join(
            f"<td>{esc('' if pd.isna(values[c]) else str(values[c]))}</td>" for c in shown if c != "line_number"
        )
        rows.append(f"<tr><td class='num'>{line}</td>{cells}<td>{esc('; '.join(why))}</td></tr>")

    def summary_row(check: Check) -> str:
        status = "met" if not check.failed_lines else f"{len(check.failed_lines)} line(s) fail"
        listed = ", ".join(str(n) for n in check.failed_lines[:20]) + (" ..." if len(check.failed_lines) > 20 else "")
        css = "ok" if not check.failed_lines else "bad"
        return f"<tr><td>{esc(check.rule)}</td><td class='{css}'>{status}</td><td>{esc(listed)}</td></tr>"

    summary = "".join(summary_row(c) for c in checks)
    header = "".join(f"<th>{esc(c)}</th>" for c in shown) + "<th>why</th>"
    n_bad = len(reasons)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Catalogue validation</title>
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;font-size:.9rem;margin:1rem 0}}td,th{{border:1px solid #bbb;padding:.2rem .4rem;
text-align:left}}th{{background:#eee}}.num{{text-align:right}}.ok{{color:#1a7f37}}.bad{{color:#cf222e;font-weight:bold}}
</style></head><body>
{FINGERPRINT_MARK.format(stamp)}
<h1>Catalogue validation (great-expectations)</h1>
<p>{len(lines)} line(s) read (line 1 is the header). great-expectations flags {n_bad}; the warehouse
priced {counts["priced"]} (<code>marts.fct_catalogue_energy</code>) and rejected {counts["rejected"]}
(<code>marts.fct_catalogue_rejects</code>, with its own reasons).</p>
<h2>Expectations</h2>
<table><thead><tr><th>Rule</th><th>Result</th><th>Failing lines</th></tr></thead><tbody>{summary}</tbody></table>
<h2>Rejected lines</h2>
{"<p>None.</p>" if not rows else f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"}
<p><a href="index.html">Back to the report</a></p>
</body></html>
"""


def write_page(db_path: str | Path, out: str | Path, previous: str | Path | None = None) -> tuple[Path, bool]:
    """Writes the page; returns (path, whether great-expectations ran)."""
    out = Path(out)
    lines, known, counts = load(db_path)
    stamp = fingerprint(lines, known, counts)
    out.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None and Path(previous).is_file():
        if FINGERPRINT_MARK.format(stamp) in Path(previous).read_text(encoding="utf-8"):
            if Path(previous).resolve() != out.resolve():
                shutil.copyfile(previous, out)
            return out, False
    out.write_text(render(lines, validate(lines, known), counts, stamp), encoding="utf-8")
    return out, True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the built warehouse")
    parser.add_argument("--out", required=True, help="the page to write")
    parser.add_argument("--previous", help="the last published page: reused while its inputs are unchanged")
    args = parser.parse_args()
    page, ran = write_page(args.db, args.out, args.previous)
    print(f"Catalogue validation: {page}" + ("" if ran else " (unchanged, reused)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
