"""Bad input must fail ./scripts/build with a message naming the table, the row and
the rule, and leave the last good warehouse untouched."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from conftest import copy_project, run_build


def edit_seed(project: Path, seed: str, key: dict[str, str], changes: dict[str, str]) -> None:
    """Change columns of the one row matching `key` in seeds/paper/<seed>.csv."""
    path = project / "seeds" / "paper" / f"{seed}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    matches = [r for r in rows if all(r[k] == v for k, v in key.items())]
    assert len(matches) == 1, f"{key} should match exactly one row of {seed}"
    matches[0].update(changes)
    write_rows(path, rows)


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def append_line(project: Path, seed: str, line: str) -> None:
    path = project / "seeds" / "paper" / f"{seed}.csv"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def duplicate_row(project: Path, seed: str, key: dict[str, str]) -> None:
    path = project / "seeds" / "paper" / f"{seed}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows += [dict(r) for r in rows if all(r[k] == v for k, v in key.items())]
    write_rows(path, rows)


def remove_rows(project: Path, seed: str, key: dict[str, str]) -> None:
    path = project / "seeds" / "paper" / f"{seed}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if not all(r[k] == v for k, v in key.items())]
    write_rows(path, rows)


def read_rows(project: Path, seed: str) -> tuple[Path, list[dict[str, str]]]:
    path = project / "seeds" / "paper" / f"{seed}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        return path, list(csv.DictReader(fh))


def drop_column(project: Path, seed: str, column: str) -> None:
    path, rows = read_rows(project, seed)
    write_rows(path, [{k: v for k, v in r.items() if k != column} for r in rows])


def add_column(project: Path, seed: str, column: str, value: str) -> None:
    path, rows = read_rows(project, seed)
    write_rows(path, [{**r, column: value} for r in rows])


def keep_header_only(project: Path, seed: str) -> None:
    path = project / "seeds" / "paper" / f"{seed}.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n", encoding="utf-8")


V100_FP32 = {"gpu_name": "Tesla V100", "precision_label": "FP32"}

CASES = {
    "date_in_wrong_format": (
        lambda p: edit_seed(p, "cv_models", {"model_id": "alexnet"}, {"release_date": "01/06/2012"}),
        ["raw.cv_models", "model_id 'alexnet'", "release_date = '01/06/2012'", "expected YYYY-MM-DD"],
    ),
    "non_numeric_tflops": (
        lambda p: edit_seed(p, "gpu_specs", V100_FP32, {"tflops": "15,7"}),
        ["raw.gpu_specs", "row 'Tesla V100 / FP32'", "tflops = '15,7' is not a valid double"],
    ),
    "negative_watts": (
        lambda p: edit_seed(p, "gpu_specs", V100_FP32, {"watts": "-300"}),
        ["staging.stg_paper__gpu_specs", "row 'Tesla V100 / FP32'", "watts must be positive", "watts=-300"],
    ),
    "zero_watts": (
        lambda p: edit_seed(p, "gpu_specs", V100_FP32, {"watts": "0"}),
        ["staging.stg_paper__gpu_specs", "row 'Tesla V100 / FP32'", "watts must be positive"],
    ),
    "unknown_precision_label": (
        lambda p: edit_seed(p, "gpu_specs", V100_FP32, {"precision_label": "FP8"}),
        ["raw.gpu_specs", "row 'Tesla V100 / FP8'", "unknown precision label 'FP8'"],
    ),
    "duplicate_key": (
        lambda p: duplicate_row(p, "cv_models", {"model_id": "resnet50"}),
        ["raw.cv_models", "model_id = resnet50 appears 2 times", "must be unique"],
    ),
    "mixed_precision_on_unsupported_gpu": (
        lambda p: append_line(p, "ngc_throughputs", "59,CV,ResNet v1.5,PyTorch,256,RTX 3090 24GB,Mixed,2000,2.00"),
        [
            "raw.ngc_throughputs",
            "#59 ResNet v1.5",
            "RTX 3090 24GB",
            "mixed-precision and TF32 rows only for v100, a100, t4",
        ],
    ),
    "row_with_extra_value": (
        lambda p: append_line(p, "edge_accelerators", "Device X,2020,GPU,100,surplus"),
        ["edge_accelerators", "Row 23 has 5 values, but Table only has 4 columns"],
    ),
    "accuracy_out_of_range": (
        lambda p: edit_seed(p, "cv_models", {"model_id": "vgg16"}, {"top1_accuracy_pct": "171.59"}),
        ["staging.stg_paper__cv_models", "model_id 'vgg16'", "top-1 accuracy must be a percentage"],
    ),
    "benchmark_gpu_missing_from_gpu_table": (
        lambda p: append_line(p, "ngc_throughputs", "59,CV,ResNet v1.5,PyTorch,256,H100 80GB,FP32,2000,1.00"),
        ["staging.stg_paper__ngc_throughputs", "gpu_id = 'h100' has no match in stg_paper__gpu_specs.gpu_id"],
    ),
    "inconsistent_gflops_per_watt_without_erratum": (
        lambda p: edit_seed(p, "gpu_specs", V100_FP32, {"published_gflops_per_watt": "62.33"}),
        [
            "[j8_gflops_per_watt] row 'Tesla V100 / FP32': printed 62.33 GFLOPS/W",
            "not documented in paper_errata",
        ],
    ),
    "documented_erratum_removed": (
        lambda p: remove_rows(p, "paper_errata", {"erratum_id": "j8_a40_fp32_gflops_per_watt"}),
        ["[j8_gflops_per_watt] row 'A40 / FP32': printed 124.0 GFLOPS/W", "= 124.667"],
    ),
    "stale_erratum": (
        lambda p: edit_seed(
            p, "gpu_specs", {"gpu_name": "A40", "precision_label": "FP32"}, {"published_gflops_per_watt": "124.67"}
        ),
        [
            "[j8_gflops_per_watt] row 'A40 / FP32' is listed in paper_errata but is now consistent",
            "remove the stale erratum",
        ],
    ),
    "zero_throughput": (
        lambda p: edit_seed(p, "ngc_throughputs", {"benchmark_id": "33"}, {"throughput_per_second": "0"}),
        ["staging.stg_paper__ngc_throughputs", "#33 SE-ResNeXt101-32 x 4d", "throughput must be positive"],
    ),
    "benchmark_without_fp32_baseline": (
        lambda p: remove_rows(p, "ngc_throughputs", {"benchmark_id": "23"}),
        [
            "intermediate.int_ngc_benchmarks_paired_with_baselines",
            "#24 SSD v1.1 PyTorch V100 16GB mixed",
            "#25 SSD v1.1 PyTorch A100 40GB tf32",
            "every benchmark needs an FP32 baseline",
        ],
    ),
    "missing_column": (
        lambda p: drop_column(p, "gpu_specs", "gpu_type"),
        ["raw.gpu_specs", "column gpu_type is declared in YAML but missing from the file"],
    ),
    "extra_column": (
        lambda p: add_column(p, "gpu_specs", "memory_gb", "16"),
        ["raw.gpu_specs", "column memory_gb is in the file but not declared in YAML"],
    ),
    "header_only_seed": (
        lambda p: keep_header_only(p, "edge_accelerators"),
        ["raw.edge_accelerators", "the file has 0 data row(s), at least 1 expected"],
    ),
    "empty_seed_file": (
        lambda p: (p / "seeds" / "paper" / "edge_accelerators.csv").write_text(""),
        ["BAD SEED seeds/paper/edge_accelerators.csv: the file is empty"],
    ),
    "gpu_without_launch_date": (
        lambda p: edit_seed(p, "gpu_specs", {"gpu_name": "T4", "precision_label": "FP32"}, {"launch_date": ""}),
        ["raw.gpu_specs", "row 'T4 / FP32': launch_date is empty", "launch_date is required"],
    ),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_and_names_row_and_rule(tmp_path, case):
    corrupt, expected_fragments = CASES[case]
    project = copy_project(tmp_path / "project")
    # A previous good warehouse that the failed build must not touch.
    last_good = project / "warehouse" / "inference_energy.duckdb"
    last_good.parent.mkdir(parents=True, exist_ok=True)
    last_good.write_bytes(b"last good warehouse")
    before = digest(last_good)

    corrupt(project)
    result = run_build(project, last_good)

    assert result.returncode != 0, f"{case}: build should fail\n{result.output[-3000:]}"
    for fragment in expected_fragments:
        assert fragment in result.output, f"{case}: {fragment!r} missing from\n{result.output[-4000:]}"
    assert "last good warehouse" in result.output and "left untouched" in result.output
    assert digest(last_good) == before
    assert not [p for p in last_good.parent.iterdir() if p.name.startswith(".building-")]


def test_windows_line_endings_bom_and_a_model_outside_the_fit_range_build_fine(tmp_path):
    """CRLF and a UTF-8 BOM load as if absent; a model dated after every GPU of the
    efficiency fit is built, with its energy flagged as an extrapolation."""
    project = copy_project(tmp_path / "project")
    append_line(
        project, "cv_models", "future_net,FutureNet,,88.00,,100.00,,,50.00,,,flops,No,2023-06-01,CNN,as_printed,"
    )
    for seed in ("cv_models", "gpu_specs", "edge_accelerators"):
        path = project / "seeds" / "paper" / f"{seed}.csv"
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run_build(project, project / "warehouse" / "w.duckdb")
    assert result.returncode == 0, result.output[-4000:]
    assert result.query("select count(*) from staging.stg_paper__cv_models")[0][0] == 92
    assert result.query("select count(*) from staging.stg_paper__edge_accelerators")[0][0] == 23
    # no stray carriage return in the last column, first column named without the BOM
    assert result.query(
        "select gops_per_watt, device_name from staging.stg_paper__edge_accelerators where device_name = 'Kneron'"
    ) == [(434.0, "Kneron")]
    [(joules, extrapolated)] = result.query(
        "select joules_per_inference, is_efficiency_extrapolated from marts.fct_inference_energy "
        "where model_id = 'future_net'"
    )
    assert joules > 0 and extrapolated is True
    [(alexnet_extrapolated,)] = result.query(
        "select is_efficiency_extrapolated from marts.fct_inference_energy where model_id = 'alexnet'"
    )
    assert alexnet_extrapolated is False
