"""Your catalogue of models (the dbt source catalogue.models), checked with great-expectations.

dbt prices the valid lines (fct_catalogue_energy) and keeps the others with their reasons
(fct_catalogue_rejects, the warehouse's rules: macro catalogue_line_reasons). This adds what
dbt's tests do not give a person holding the file: a readable page,
reports/catalogue_validation.html, built from those two marts, never restating the rules: each
expectation (every line priced or rejected, none dropped; no line rejected; no line breaking
each rule the rejects name), whether the file meets it, and every bad line with its values and
why. It reads the lines as the warehouse staged them (staging.stg_catalogue__models, every value
still as written) into pandas: great-expectations 1.24 returns nothing through SQLAlchemy +
duckdb-engine on DuckDB.

The page is redrawn only when the staged lines, their outcomes or this script changed
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

FINGERPRINT_MARK = "<!-- catalogue-validation-fingerprint: {} -->"


@dataclass
class Check:
    rule: str
    failed_lines: list[int] = field(default_factory=list)
    failed_values: list[str] = field(default_factory=list)


def load(db_path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """The staged lines, each with its outcome in the warehouse (priced, rejected, or neither:
    dropped) and its reasons; the lines' rules as columns; the priced and rejected counts."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        lines = con.execute("select * from staging.stg_catalogue__models order by line_number").df()
        outcomes = con.execute(
            """
            select line_number, 'priced' as outcome, '' as reasons from marts.fct_catalogue_energy
            union all
            select line_number, 'rejected' as outcome, reasons from marts.fct_catalogue_rejects
            """
        ).df()
    finally:
        con.close()
    counts = {
        "priced": int((outcomes["outcome"] == "priced").sum()),
        "rejected": int((outcomes["outcome"] == "rejected").sum()),
    }
    return lines, outcomes, counts


def judged(lines: pd.DataFrame, outcomes: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """One row per staged line: its outcome (missing when the warehouse neither priced nor
    rejected it) and, per rule the rejects name, whether the line breaks it."""
    frame = lines[["line_number"]].merge(outcomes, on="line_number", how="left")
    frame["outcome"] = frame["outcome"].fillna("missing")
    frame["reasons"] = frame["reasons"].fillna("")
    broken = frame["reasons"].map(lambda text: [r for r in text.split("; ") if r])
    rules = sorted({rule for listed in broken for rule in listed})
    for number, rule in enumerate(rules):
        frame[f"rule_{number}"] = broken.map(lambda listed, rule=rule: rule in listed)
    return frame, rules


def expectations(gx, rules: list[str]) -> list[tuple[str, str, object]]:
    """(sentence, column, expectation): the file's lines against the warehouse's verdicts."""
    e = gx.expectations
    found = [
        (
            "every line is priced or rejected (none dropped)",
            "outcome",
            e.ExpectColumnValuesToBeInSet(column="outcome", value_set=["priced", "rejected"]),
        ),
        ("no line is rejected", "outcome", e.ExpectColumnValuesToBeInSet(column="outcome", value_set=["priced"])),
    ]
    for number, rule in enumerate(rules):
        column = f"rule_{number}"
        found.append(
            (f"no line breaks: {rule}", column, e.ExpectColumnValuesToBeInSet(column=column, value_set=[False]))
        )
    return found


def validate(lines: pd.DataFrame, outcomes: pd.DataFrame) -> list[Check]:
    """One great-expectations run over the lines; per expectation, the lines that fail it."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    frame, rules = judged(lines, outcomes)
    checks_to_run = expectations(gx, rules)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas(name="catalogue").add_dataframe_asset(name="models")
    suite = context.suites.add(gx.ExpectationSuite(name="catalogue", expectations=[e for _, _, e in checks_to_run]))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="catalogue", data=asset.add_batch_definition_whole_dataframe("all"), suite=suite)
    )
    result = definition.run(
        batch_parameters={"dataframe": frame},
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["line_number"]},
    )
    by_value_set = {
        (r.expectation_config.kwargs["column"], tuple(r.expectation_config.kwargs["value_set"])): r
        for r in result.results
    }
    checks = []
    for rule, column, expectation in checks_to_run:
        outcome = by_value_set[(column, tuple(expectation.value_set))]
        check = Check(rule)
        for row in outcome.result.get("unexpected_index_list") or []:
            check.failed_lines.append(int(row["line_number"]))
            check.failed_values.append(str(row[column]))
        checks.append(check)
    return checks


def bad_lines(checks: list[Check]) -> dict[int, list[str]]:
    """The lines that fail an expectation on a rule, with those rules (the warehouse's words)."""
    reasons: dict[int, list[str]] = {}
    for check in checks:
        if not check.rule.startswith("no line breaks: "):
            continue
        for line in check.failed_lines:
            reasons.setdefault(line, []).append(check.rule.removeprefix("no line breaks: "))
    for check in checks[:1]:  # a dropped line, named as such
        for line, value in zip(check.failed_lines, check.failed_values, strict=True):
            if value == "missing":
                reasons.setdefault(line, []).append("neither priced nor rejected by the warehouse")
    return dict(sorted(reasons.items()))


def fingerprint(lines: pd.DataFrame, outcomes: pd.DataFrame) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(lines.to_csv(index=False).encode())
    digest.update(outcomes.sort_values("line_number").to_csv(index=False).encode())
    return digest.hexdigest()


def render(lines: pd.DataFrame, checks: list[Check], counts: dict[str, int], stamp: str) -> str:
    reasons = bad_lines(checks)
    esc = html.escape
    candidates = ["model_name", "gflops_text", "params_millions_text", "input_tokens_text", "release_date_text"]
    candidates += ["domain", "gpu_id", "precision", "scenario", "inferences_per_day_text"]
    by_line = lines.set_index("line_number")
    # readable: the reasons right after the line and name, then only the columns a bad line fills
    bad = by_line.loc[list(reasons)] if reasons else by_line.iloc[0:0]
    shown = ["model_name"] + [c for c in candidates[1:] if c in bad.columns and bad[c].notna().any()]
    rows = []
    for line, why in reasons.items():
        values = by_line.loc[line]
        cells = [f"<td>{esc('' if pd.isna(values[c]) else str(values[c]))}</td>" for c in shown]
        reason = f"<td class='why'>{esc('; '.join(why))}</td>"
        rows.append(f"<tr><td class='num'>{line}</td>{cells[0]}{reason}{''.join(cells[1:])}</tr>")

    def summary_row(check: Check) -> str:
        status = "met" if not check.failed_lines else f"{len(check.failed_lines)} line(s) fail"
        listed = ", ".join(str(n) for n in check.failed_lines[:20]) + (" ..." if len(check.failed_lines) > 20 else "")
        css = "ok" if not check.failed_lines else "bad"
        return f"<tr><td>{esc(check.rule)}</td><td class='{css}'>{status}</td><td>{esc(listed)}</td></tr>"

    summary = "".join(summary_row(c) for c in checks)
    header = "<th>line_number</th><th>model_name</th><th>why</th>" + "".join(f"<th>{esc(c)}</th>" for c in shown[1:])
    n_bad = len(reasons)
    table = f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    rejected_table = "<p>None.</p>" if not rows else f"<div class='scroll'>{table}</div>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Catalogue validation</title>
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;font-size:.9rem;margin:1rem 0}}td,th{{border:1px solid #bbb;padding:.2rem .4rem;
text-align:left;vertical-align:top}}th{{background:#eee}}.num{{text-align:right}}.ok{{color:#1a7f37}}
.bad{{color:#cf222e;font-weight:bold}}td.why{{min-width:18rem}}.scroll{{overflow-x:auto}}
</style></head><body>
{FINGERPRINT_MARK.format(stamp)}
<h1>Catalogue validation (great-expectations)</h1>
<p>{len(lines)} line(s) read (line 1 is the header). great-expectations flags {n_bad}; the warehouse
priced {counts["priced"]} (<code>marts.fct_catalogue_energy</code>) and rejected {counts["rejected"]}
(<code>marts.fct_catalogue_rejects</code>, with its own reasons).</p>
<h2>Expectations</h2>
<table><thead><tr><th>Rule</th><th>Result</th><th>Failing lines</th></tr></thead><tbody>{summary}</tbody></table>
<h2>Rejected lines</h2>
{rejected_table}
<p><a href="index.html">Back to the report</a></p>
</body></html>
"""


def write_page(db_path: str | Path, out: str | Path, previous: str | Path | None = None) -> tuple[Path, bool]:
    """Writes the page; returns (path, whether great-expectations ran)."""
    out = Path(out)
    lines, outcomes, counts = load(db_path)
    stamp = fingerprint(lines, outcomes)
    out.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None and Path(previous).is_file():
        if FINGERPRINT_MARK.format(stamp) in Path(previous).read_text(encoding="utf-8"):
            if Path(previous).resolve() != out.resolve():
                shutil.copyfile(previous, out)
            return out, False
    out.write_text(render(lines, validate(lines, outcomes), counts, stamp), encoding="utf-8")
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
