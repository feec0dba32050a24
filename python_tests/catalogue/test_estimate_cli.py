"""scripts/estimate: one model or a file, through the warehouse's SQL macros; bad input named."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import duckdb
import pandas as pd
import pytest
from conftest import REPO, VENV

from inference_energy.catalogue import estimate


def run(warehouse, capsys, *argv):
    code = estimate.main([*argv, "--db", str(warehouse.db_path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_one_model_gives_the_marts_energy(warehouse, capsys):
    [(gflops, released, joules)] = warehouse.query(
        "select gflops, release_date, joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    code, out, _ = run(warehouse, capsys, "--gflops", str(gflops), "--date", str(released), "--domain", "cv")
    assert code == 0
    assert f"{joules:.4g}" in out and "pred95" in out and "J per inference" in out


def test_the_sample_file_is_estimated_as_the_marts_do(warehouse, capsys, tmp_path):
    output = tmp_path / "energy.parquet"
    code, out, err = run(
        warehouse, capsys, "--input", str(REPO / "examples" / "sample_models.csv"), "--output", str(output)
    )
    assert code == 0, err
    result = duckdb.connect().execute("select * from read_parquet(?)", [str(output)]).df().set_index("name")
    sample = pd.read_csv(REPO / "examples" / "sample_models.csv")
    assert list(result.index) == list(sample["name"])
    [(measured,)] = warehouse.query(
        "select predicted_joules_per_sample from marts.fct_measured_energy_predictions "
        "where gpu_id = 'h200_sxm' and precision = 'int8' and benchmark = 'resnet50' and scenario = 'offline' "
        "and n_accelerators = 8 and power_mode = 'MaxQ'"
    )
    assert result.loc["ResNet-50 v1.5 on an H200 (measured-system)", "joules"] == pytest.approx(measured, rel=1e-12)
    [(paper,)] = warehouse.query(
        "select joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    assert result.loc["ResNet-50 (paper's method)", "joules"] == pytest.approx(paper, rel=1e-12)
    assert bool(result.loc["A 2024 vision model", "is_extrapolated"])


def test_bad_rows_are_named_with_line_and_rule_and_nothing_is_written(warehouse, capsys, tmp_path):
    bad = tmp_path / "models.csv"
    bad.write_text(
        "name,gflops,date,domain,gpu_id,precision\n"
        "ok,7.6,2015-12-10,cv,,\n"
        "neg,-1,2015-12-10,cv,,\n"
        "when,7.6,10/12/2015,cv,,\n"
        "twice,7.6,2015-12-10,cv,,\n"
        "gpu,8.2,,,b999,int8\n"
        "speech,1,2015-12-10,speech,,\n"
        "twice,7.6,2015-12-10,cv,,\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    code, _, err = run(warehouse, capsys, "--input", str(bad), "--output", str(output))
    assert code == 2 and not output.exists()
    for fragment in (
        "line 3 ('neg'): gflops must be a positive number",
        "line 4 ('when'): date must be a date written YYYY-MM-DD",
        "line 5 ('twice'): name is not unique for its gpu_id, precision and scenario (lines 5, 8)",
        "line 6 ('gpu'): unknown gpu_id",
        "line 7 ('speech'): domain must be cv or nlp",
        "line 8 ('twice'): name is not unique for its gpu_id, precision and scenario (lines 5, 8)",
    ):
        assert fragment in err
    assert "line 2 " not in err  # the good row is not reported


def test_the_cli_and_the_catalogue_marts_apply_the_same_rules(warehouse, capsys, tmp_path):
    """One home for the rules: what scripts/estimate says of a line is what fct_catalogue_rejects
    says of it (the same macro), on lines breaking each rule once."""
    import test_catalogue

    bad = tmp_path / "models.csv"
    bad.write_bytes(test_catalogue.BAD_CATALOGUE.encode("utf-8"))
    code, _, err = run(warehouse, capsys, "--input", str(bad))
    assert code == 2
    said = dict(re.findall(r" line (\d+) \(.*?\): (.+)", err))
    assert {int(line): reasons for line, reasons in said.items()} == test_catalogue.EXPECTED_REJECTS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("", "the file is empty"),
        ("name,gflops,date,domain\n", "no rows after the header"),
        ("a,b\n1,2\n", "column name is missing (every line needs a name); give column gflops, or columns"),
    ],
)
def test_unusable_files_fail_with_a_sentence(warehouse, capsys, tmp_path, content, message):
    path = tmp_path / "models.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(warehouse, capsys, "--input", str(path))
    assert code == 2 and message in err


def test_the_catalogue_benchmark_runs_at_10k_and_both_implementations_agree(warehouse, tmp_path):
    """scripts/bench_catalogue end to end at its smallest size (timing is its job, not the test's):
    the table is written, and the CLI's answers equal the vectorised pandas formula's."""
    import subprocess
    import sys

    out = tmp_path / "benchmarks.md"
    out.write_text("<!-- bench_build: start -->\nkept\n<!-- bench_build: end -->\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "inference_energy.benchmarks.catalogue", "--sizes", "10000", "--repetitions", "1",
         "--db", str(warehouse.db_path), "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "kept" in text  # the build benchmark's section survives
    rows = [line for line in text.splitlines() if line.startswith("| 10,000 |")]
    assert len(rows) == 2
    difference = float(rows[0].rstrip(" |").split("|")[-1])
    assert difference < 1e-12


def test_a_repeated_name_alone_fails_the_file_with_both_lines(warehouse, capsys, tmp_path):
    """Every line otherwise valid: the one-pass check finds the repeat on the names' hashes and the
    full check names both lines."""
    path = tmp_path / "models.csv"
    lines = [f"model {i},7.6,2015-12-10,cv" for i in range(2000)]
    lines.insert(1500, "model 7,1.0,2016-01-01,cv")
    path.write_text("name,gflops,date,domain\n" + "\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(warehouse, capsys, "--input", str(path), "--output", str(tmp_path / "out.parquet"))
    assert code == 2
    assert "line 9 ('model 7'): name is not unique for its gpu_id, precision and scenario (lines 9, 1502)" in err
    assert "line 1502 ('model 7'): name is not unique for its gpu_id, precision and scenario (lines 9, 1502)" in err
    assert not (tmp_path / "out.parquet").exists()


def test_a_memory_limit_duckdb_cannot_read_fails_with_a_sentence(warehouse, capsys):
    code, _, err = run(
        warehouse, capsys, "--input", str(REPO / "examples" / "sample_models.csv"), "--memory-limit", "lots"
    )
    assert code == 2 and "--memory-limit lots" in err


def test_an_output_into_a_missing_folder_fails_with_a_sentence(warehouse, capsys, tmp_path):
    target = tmp_path / "no such folder" / "energy.parquet"
    code, _, err = run(warehouse, capsys, "--gflops", "7.6", "--date", "2015-12-10", "--domain", "cv",
                       "--output", str(target))  # fmt: skip
    assert code == 2 and "does not exist" in err and not target.parent.exists()


def test_a_parquet_file_is_estimated_and_one_of_wrong_types_is_named_per_line(warehouse, capsys, tmp_path):
    good, bad = tmp_path / "good.parquet", tmp_path / "bad.parquet"
    [(gflops, released, joules)] = warehouse.query(
        "select gflops, release_date, joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    con = duckdb.connect()
    con.execute(
        f"copy (select 'p1' as name, {gflops} as gflops, date '{released}' as date, 'cv' as domain) to '{good}'"
    )
    con.execute(f"copy (select 'p2' as name, true as gflops, 20151210 as date, 'cv' as domain) to '{bad}'")
    code, out, err = run(warehouse, capsys, "--input", str(good))
    assert code == 0 and f"{joules:.4g}" in out, err
    code, _, err = run(warehouse, capsys, "--input", str(bad))
    assert code == 2
    assert "line 2 ('p2'): gflops must be a positive number" in err
    assert "date must be a date written YYYY-MM-DD" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,gflops,date,domain\n\xff\xfe,7.6,2015-12-10,cv\n", "the file is not UTF-8 (byte 0xff at offset 24"),
        ("name,gflops,date,domain\nr,7.6,2015-12-10,cv\n".encode("utf-16"), "the file is UTF-16"),
        # a column its lines need, named once, not blamed on every line
        (b"name,gflops,gpu_id\na,8.2,h100_sxm5\nb,8.2,h100_sxm5\n", "column precision is missing: a gpu_id line needs"),
        # a line with more values than the header: never read as a valid file
        (b"name,gflops,date,domain\na,7.6,2015-12-10,cv\nb,1,2016-01-01,cv,extra,more\n", "column name is missing"),
    ],
    ids=["not UTF-8", "UTF-16", "missing column", "ragged line"],
)
def test_a_malformed_csv_is_refused_with_a_sentence(warehouse, capsys, tmp_path, content, message):
    path = tmp_path / "models.csv"
    path.write_bytes(content)
    code, out, err = run(warehouse, capsys, "--input", str(path), "--output", str(tmp_path / "out.parquet"))
    assert code == 2 and message in err and not (tmp_path / "out.parquet").exists()


def test_the_console_command_prices_as_the_script_does(warehouse):
    """`inference-energy estimate` (pyproject's console command) and ./scripts/estimate are one
    code path: the same model gives the same lines, and the mart's Joules."""
    [(gflops, released, joules)] = warehouse.query(
        "select gflops, release_date, joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    args = ["--gflops", str(gflops), "--date", str(released), "--domain", "cv", "--db", str(warehouse.db_path)]
    console = subprocess.run(
        [str(VENV / "bin" / "inference-energy"), "estimate", *args], capture_output=True, text=True, timeout=120
    )
    script = subprocess.run(
        [str(REPO / "scripts" / "estimate"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, INFERENCE_ENERGY_VENV=str(VENV)),
    )
    assert console.returncode == 0 and script.returncode == 0, console.stderr + script.stderr
    assert console.stdout == script.stdout and f"{joules:.4g}" in console.stdout


def test_an_output_that_is_an_input_is_refused(warehouse, capsys, tmp_path):
    catalogue = tmp_path / "mine.csv"
    shutil.copyfile(REPO / "examples" / "sample_models.csv", catalogue)
    before = catalogue.read_bytes()
    code, _, err = run(warehouse, capsys, "--input", str(catalogue), "--output", str(catalogue))
    assert code == 2 and "that is an input of this run; write the estimates elsewhere" in err
    assert catalogue.read_bytes() == before


def test_a_folder_is_named_as_a_folder_with_exit_code_2(warehouse, capsys, tmp_path):
    code, _, err = run(warehouse, capsys, "--input", str(tmp_path))
    assert code == 2 and f"{tmp_path}: a folder, not a file of models" in err
    code, _, err = run(
        warehouse, capsys, "--input", str(REPO / "examples" / "sample_models.csv"), "--output", str(tmp_path)
    )
    assert code == 2 and "a folder; name the file to write" in err


def test_an_output_that_cannot_be_written_leaves_no_half_file(warehouse, capsys, tmp_path):
    """A write that fails (here: the file written beside the output cannot be created; a full
    disk takes the same path) says so in one sentence, exit code 2, and writes nothing."""
    output = tmp_path / "energy.csv"
    (tmp_path / ".energy.csv.partial").mkdir()
    code, _, err = run(
        warehouse, capsys, "--input", str(REPO / "examples" / "sample_models.csv"), "--output", str(output)
    )
    assert code == 2 and f"--output {output}: could not be written (" in err and "nothing was written" in err
    assert not output.exists()


def test_the_whole_file_is_read_with_one_declared_dialect(warehouse, capsys, tmp_path):
    """Quoting is declared, not guessed from the first lines: a quoted name with a comma deep in a
    long file keeps its comma and loses its quotes; an unterminated quote there is an error."""
    lines = ["name,gflops,date,domain"] + [f"m{i},7.6,2015-12-10,cv" for i in range(30_000)]
    good = tmp_path / "good.csv"
    good.write_text("\n".join([*lines, '"ResNet-50, again",7.6,2015-12-10,cv']) + "\n")
    output = tmp_path / "out.csv"
    code, _, err = run(warehouse, capsys, "--input", str(good), "--output", str(output))
    assert code == 0, err
    assert "ResNet-50, again" in set(pd.read_csv(output)["name"])
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*lines, '"unterminated,7.6,2015-12-10,cv']) + "\n")
    code, _, err = run(warehouse, capsys, "--input", str(bad), "--output", str(tmp_path / "bad_out.csv"))
    assert code == 2 and str(bad) in err
    assert not (tmp_path / "bad_out.csv").exists()


def test_dbt_and_the_cli_declare_the_same_csv_dialect():
    source = (REPO / "models" / "staging" / "catalogue" / "_catalogue__sources.yml").read_text(encoding="utf-8")
    assert f"read_csv('{{{{ path }}}}', {estimate.CSV_OPTIONS})" in source


def test_the_estimate_guides_instead_of_guessing(warehouse, capsys, tmp_path):
    """An unknown GPU gets the nearest known id; a scenario the paper's method ignores is refused;
    every row says what it priced (GPU, precision, scenario, GFLOPs) and whether its model was
    fitted on such inputs (the measured-system model saw 8.2 and 246.4 GFLOPs per sample: MLPerf's
    ResNet-50 and BERT-large, seed benchmark_flops)."""
    code, _, err = run(warehouse, capsys, "--gflops", "8.2", "--gpu", "h100_sxm", "--precision", "int8")
    assert code == 2 and "unknown gpu_id h100_sxm (did you mean h100_sxm5?" in err
    code, _, err = run(
        warehouse, capsys, "--gflops", "7.6", "--date", "2015-12-10", "--domain", "cv", "--scenario", "server"
    )
    assert code == 2 and "scenario applies to a gpu_id line only" in err

    models = tmp_path / "models.csv"
    models.write_text(
        "name,gflops,date,domain,gpu_id,precision,scenario\n"
        "inside,8.2,,,h100_sxm5,int8,server\n"
        "outside,1000,,,h100_sxm5,int8,\n"
        "paper,7.6,2015-12-10,cv,,,\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.parquet"
    code, _, err = run(warehouse, capsys, "--input", str(models), "--output", str(output))
    assert code == 0, err
    rows = duckdb.connect().execute("select * from read_parquet(?)", [str(output)]).df().set_index("name")
    seed = pd.read_csv(REPO / "seeds" / "project" / "benchmark_flops.csv")
    flops = seed["multiply_adds_per_sample_g"] * seed["flops_per_multiply_add"]  # GFLOPs per sample
    assert flops.min() <= 8.2 <= flops.max() < 1000
    used = rows.loc["inside", ["gpu_id", "precision", "scenario", "gflops"]].tolist()
    assert used == ["h100_sxm5", "int8", "server", 8.2]
    assert rows.loc["outside", "scenario"] == "offline"  # the default, said
    assert not rows.loc["inside", "is_outside_calibrated_range"]
    assert rows.loc["outside", "is_outside_calibrated_range"]
    assert "GFLOPs per sample" in rows.loc["outside", "calibrated_range"]
    assert pd.isna(rows.loc["paper", "gpu_id"]) and not rows.loc["paper", "is_outside_calibrated_range"]


def test_a_decimal_comma_is_named_and_one_model_may_run_on_several_gpus(warehouse, capsys, tmp_path):
    models = tmp_path / "models.csv"
    models.write_text(
        "name;gflops;gpu_id;precision;flops_convention\n"
        "resnet;8,2;h100_sxm5;int8;\n"
        "resnet;8.2;l40s;int8;\n"
        "resnet timm;4.1;l40s;int8;multiply_adds\n",
        encoding="utf-8",
    )
    code, _, err = run(warehouse, capsys, "--input", str(models))
    assert code == 2
    assert "line 2 ('resnet'): gflops must be a positive number (8,2 has a decimal comma: write 8.2)" in err
    assert "line 3" not in err  # the same name on another GPU is another key
    models.write_text(models.read_text(encoding="utf-8").replace("8,2", "8.2"), encoding="utf-8")
    output = tmp_path / "out.parquet"
    code, _, err = run(warehouse, capsys, "--input", str(models), "--output", str(output))
    assert code == 0, err
    query = "select name, gpu_id, gflops, joules from read_parquet(?)"
    rows = duckdb.connect().execute(query, [str(output)]).fetchall()
    # timm's 4.1 "GFLOPs" counts multiply-adds: priced as 8.2 FLOPs, the same Joules as the line above
    assert [r[2] for r in rows] == [8.2, 8.2, 8.2]
    assert rows[2][3] == pytest.approx(rows[1][3], rel=1e-12)
