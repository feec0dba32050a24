"""Your own catalogue as a dbt source (var catalogue_path): priced by the marts' own macros,
bad lines kept with their reasons (and the same lines flagged by great-expectations), the
paper's marts untouched, and a catalogue that is no catalogue refused."""

from __future__ import annotations

import hashlib
import re

import duckdb
import pandas as pd
import pytest
from conftest import digest

from inference_energy.catalogue import validation

CATALOGUE_SELECTION = ("--select", "stg_catalogue__models+")


def build_with(scratch, path) -> object:
    return scratch.build(*CATALOGUE_SELECTION, "--vars", f"{{catalogue_path: '{path}'}}")


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def paper_marts_digest(db) -> str:
    """One hash of every mart that reads no catalogue."""
    digest_ = hashlib.sha256()
    names = rows(db, "select table_name from duckdb_tables() where schema_name = 'marts' order by 1")
    for (name,) in names:
        if not name.startswith("fct_catalogue_"):
            digest_.update(repr(sorted(map(repr, rows(db, f"select * from marts.{name}")))).encode())
    return digest_.hexdigest()


def test_the_papers_own_models_priced_as_a_catalogue_match_the_marts(scratch, tmp_path):
    models = rows(
        scratch.db,
        "select model_id, gflops, release_date, domain, joules_per_inference, joules_per_inference_pred95_low "
        "from marts.fct_inference_energy where gflops is not null",
    )
    catalogue = tmp_path / "paper models.csv"  # a space in the path
    catalogue.write_text(
        "name,gflops,date,domain\n" + "".join(f"{m},{g!r},{d},{dom}\n" for m, g, d, dom, _, _ in models),
        encoding="utf-8",
    )
    before = paper_marts_digest(scratch.db)
    result = build_with(scratch, catalogue)
    assert result.returncode == 0, result.output[-3000:]
    priced = {
        name: (joules, low)
        for name, joules, low in rows(
            scratch.db,
            "select model_name, paper_method_joules, paper_method_joules_pred95_low from marts.fct_catalogue_energy",
        )
    }
    assert len(priced) == len(models)
    for model_id, _, _, _, joules, low in models:
        assert priced[model_id] == pytest.approx((joules, low), rel=1e-12), model_id
    assert rows(scratch.db, "select count(*) from marts.fct_catalogue_rejects") == [(0,)]
    assert paper_marts_digest(scratch.db) == before  # the paper's marts never move


BAD_CATALOGUE = (
    "\ufeffname;gflops;params_millions;input_tokens;date;domain;gpu_id;precision;scenario;inferences_per_day\r\n"
    '"Modèle ""α""; v2";7.6;;;2015-12-10;cv;;;;1000000\r\n'  # line 2: quoted, UTF-8, ';' inside
    "no_work;;;;2015-12-10;cv;;;;\r\n"
    "neg;-1;;;2015-12-10;cv;;;;\r\n"
    "bad date;7.6;;;10/12/2015;cv;;;;\r\n"
    "not a date;7.6;;;2015-02-30;cv;;;;\r\n"
    "speech;1;;;2015-12-10;speech;;;;\r\n"
    "gpu;8.2;;;;;h100_sxm;int8;;\r\n"  # line 8: a typo of h100_sxm5 (and one edit from h200_sxm: ties alphabetical)
    "prec;8.2;;;;;h100_sxm5;fp4;;\r\n"
    "both;8.2;;;2015-12-10;cv;h100_sxm5;int8;;\r\n"
    "dup;1;;;2015-12-10;cv;;;;\r\n"
    "dup;2;;;2015-12-10;cv;;;;\r\n"
    "llm from params;;7000;512;2023-07-18;nlp;;;;5e6\r\n"  # line 13: 2 x 7000 M x 512 = 7168 GFLOPs
    "zero;0;;;2015-12-10;cv;;;;\r\n"
    ";1;;;2015-12-10;cv;;;;\r\n"
    "scen;8.2;;;;;h100_sxm5;int8;batch;\r\n"
    "perday;1;;;2015-12-10;cv;;;;-5\r\n"
    "unused but wrong;7.6;abc;;2015-12-10;cv;;;;\r\n"  # line 18: params given with gflops, still checked
    "no fp8 on volta;8.2;;;;;v100;fp8;;\r\n"  # line 19: each known, but no peak for the pair
)
EXPECTED_REJECTS = {
    3: "give gflops, or params_millions and input_tokens",
    4: "gflops must be a positive number",
    5: "date must be a date written YYYY-MM-DD",
    6: "date must be a date written YYYY-MM-DD",
    7: "domain must be cv or nlp",
    8: "unknown gpu_id h100_sxm (did you mean h100_sxm5? see marts.dim_gpus)",
    9: "precision must be a number format with GPU peaks (marts.fct_gpu_peaks_by_number_format)",
    10: "give either date and domain, or gpu_id and precision",
    11: "name is not unique for its gpu_id, precision and scenario (lines 11, 12)",
    12: "name is not unique for its gpu_id, precision and scenario (lines 11, 12)",
    14: "gflops must be a positive number",
    15: "name is required",
    16: "scenario must be offline or server",
    17: "inferences_per_day must be a number >= 0",
    18: "params_millions must be a positive number",
    19: "gpu_id has no peak at this precision (marts.fct_gpu_peaks_by_number_format)",
}


def test_bad_lines_are_kept_with_their_reasons_and_the_rest_is_priced(scratch, tmp_path):
    catalogue = tmp_path / "models.csv"
    catalogue.write_bytes(BAD_CATALOGUE.encode("utf-8"))  # BOM, CRLF, ';' separator
    result = build_with(scratch, catalogue)
    assert result.returncode == 0, result.output[-3000:]
    assert "catalogue_has_no_rejects" in result.output and "WARN" in result.output  # said, not silent
    rejects = dict(rows(scratch.db, "select line_number, reasons from marts.fct_catalogue_rejects"))
    assert rejects == EXPECTED_REJECTS
    priced = dict(rows(scratch.db, "select model_name, gflops from marts.fct_catalogue_energy"))
    assert priced == {'Modèle "α"; v2': 7.6, "llm from params": 7168.0}
    [(kwh,)] = rows(
        scratch.db, "select paper_method_kwh_per_year from marts.fct_catalogue_energy where line_number = 2"
    )
    [(joules,)] = rows(
        scratch.db, "select joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    # 7.6 GFLOPs on ResNet-50's date, a million a day for a 365-day year, 3.6 MJ per kWh
    assert kwh == pytest.approx(joules * 1e6 * 365 / 3.6e6, rel=1e-12)

    # the great-expectations page, built from the warehouse's verdicts, lists the same lines
    page = (scratch.root / "reports" / "catalogue_validation.html").read_text(encoding="utf-8")
    rejected_section = page.split("<h2>Rejected lines</h2>")[1]
    flagged = {int(n) for n in re.findall(r"<tr><td class='num'>(\d+)</td>", rejected_section)}
    assert flagged == set(EXPECTED_REJECTS)
    # readable: the reason right after the line and its name, not cut off past a dozen columns
    assert "<tr><td class='num'>8</td><td>gpu</td><td class='why'>unknown gpu_id h100_sxm" in rejected_section
    assert f"great-expectations flags {len(EXPECTED_REJECTS)};" in page
    assert f"rejected {len(EXPECTED_REJECTS)}\n" in page and f"priced {len(priced)} " in page


def test_a_parquet_catalogue_with_a_wrong_type_is_named_per_line(scratch, tmp_path):
    catalogue = tmp_path / "models.parquet"
    con = duckdb.connect()
    con.execute(
        "copy (select * from (values ('ok', 7.6, date '2015-12-10', 'cv'), ('flag', null, date '2015-12-10', 'cv')) "
        f"as t(name, gflops, date, domain)) to '{catalogue}' (format parquet)"
    )
    wrong = tmp_path / "wrong.parquet"  # gflops written as booleans
    con.execute(
        f"copy (select 'a' as name, true as gflops, date '2015-12-10' as date, 'cv' as domain) "
        f"to '{wrong}' (format parquet)"
    )
    con.close()
    result = build_with(scratch, wrong)
    assert result.returncode == 0, result.output[-3000:]
    assert rows(scratch.db, "select line_number, reasons from marts.fct_catalogue_rejects") == [
        (2, "gflops must be a positive number")
    ]
    result = build_with(scratch, catalogue)
    assert result.returncode == 0, result.output[-3000:]
    assert rows(scratch.db, "select model_name from marts.fct_catalogue_energy") == [("ok",)]
    assert rows(scratch.db, "select line_number, reasons from marts.fct_catalogue_rejects") == [
        (3, "give gflops, or params_millions and input_tokens")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No files found"),  # a missing file: DuckDB names the path
        ("", "has no line of data"),
        ("name,gflops,date,domain\n", "has no line of data"),
    ],
    ids=["missing", "empty", "header_only"],
)
def test_a_catalogue_that_is_no_catalogue_fails_the_build_and_changes_nothing(scratch, tmp_path, content, message):
    catalogue = tmp_path / "models.csv"
    if content is not None:
        catalogue.write_text(content, encoding="utf-8")
    published = digest(scratch.db)
    result = build_with(scratch, catalogue)
    assert result.returncode != 0
    assert message in result.output and "models.csv" in result.output
    assert digest(scratch.db) == published


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,gflops,date,domain\nr,7.6,2015-12-10,cv\n".encode("utf-16"), "the file is UTF-16"),
        ("name,gflops,date,domain\nr\xe9,7.6,2015-12-10,cv\n".encode("latin-1"), "the file is not UTF-8 (byte 0xe9"),
        (b"name,gflops,gpu_id\na,8.2,h100_sxm5\nb,8.2,h100_sxm5\n", "column precision is missing"),
    ],
    ids=["utf16", "latin1", "missing_column"],
)
def test_a_catalogue_wrong_as_a_whole_is_said_once_before_dbt(scratch, tmp_path, content, message):
    catalogue = tmp_path / "models.csv"
    catalogue.write_bytes(content)
    published = digest(scratch.db)
    result = build_with(scratch, catalogue)
    assert result.returncode != 0
    said = [line for line in result.output.splitlines() if line.startswith("BAD CATALOGUE")]
    assert len(said) == 1 and message in said[0] and "models.csv" in said[0]
    assert "Catalogue: " in result.output and "dbt_build" not in result.output  # refused before dbt ran
    assert digest(scratch.db) == published


def test_the_validation_page_checks_the_warehouses_verdicts_without_restating_rules():
    """great-expectations judges each line by what the warehouse decided (priced, rejected with
    its reasons, or dropped): one expectation per rule the rejects name, in their words."""
    lines = pd.DataFrame({"line_number": [2, 3, 4, 5], "model_name": ["a", "b", "c", "d"]})
    outcomes = pd.DataFrame(
        {
            "line_number": [2, 3, 4],
            "outcome": ["priced", "rejected", "rejected"],
            "reasons": ["", "gflops must be a positive number; name is required", "name is required"],
        }
    )
    checks = {check.rule: check.failed_lines for check in validation.validate(lines, outcomes)}
    assert checks == {
        "every line is priced or rejected (none dropped)": [5],
        "no line is rejected": [3, 4, 5],
        "no line breaks: gflops must be a positive number": [3],
        "no line breaks: name is required": [3, 4],
    }
    assert validation.bad_lines(validation.validate(lines, outcomes)) == {
        3: ["gflops must be a positive number", "name is required"],
        4: ["name is required"],
        5: ["neither priced nor rejected by the warehouse"],
    }
