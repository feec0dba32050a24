"""The bad-input cases of test_bad_input.py: how each fault is injected into a seed and the
sentences the failed build must print (table, row and rule). One entry per fault in CASES:
name -> (seed to rebuild, corruption, expected fragments)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from conftest import REPO, ScratchProject
from seed_corruptions import (
    add_column,
    append_line,
    drop_column,
    duplicate_row,
    edit_seed,
    empty_file,
    fp8_row_for_ampere,
    keep_header_only,
    read_rows,
    remove_rows,
    rename_column,
    rename_header_cell,
    rewrite_encoded,
    seed_replaced_by_a_folder,
)

SEEDS = REPO / "seeds" / "paper"
# A file a SQL payload in a seed header would write: it must never appear.
INJECTION_PROBE = Path(tempfile.gettempdir()) / "inference_energy_injection_probe.csv"
V100_FP32 = {"gpu_name": "Tesla V100", "precision_label": "FP32"}
TYPE_RULE = 'rule "values must match the data_type declared in YAML"'

# case -> (seed whose downstream is rebuilt, the fault, fragments the output must hold)
CASES: dict[str, tuple[str, Callable[[ScratchProject], None], list[str]]] = {
    "date_in_wrong_format": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "alexnet"}, {"release_date": "01/06/2012"}),
        ["raw.cv_models", TYPE_RULE, "model_id 'alexnet': column release_date = '01/06/2012'", "YYYY-MM-DD"],
    ),
    "non_numeric_tflops": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"tflops": "15,7"}),
        ["raw.gpu_specs", TYPE_RULE, "row 'Tesla V100 / FP32': column tflops = '15,7' is not a valid finite double"],
    ),
    "nan_watts": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"watts": "nan"}),
        ["raw.gpu_specs", "row 'Tesla V100 / FP32': column watts = 'nan' is not a valid finite double"],
    ),
    "infinite_tflops": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"tflops": "inf"}),
        ["raw.gpu_specs", "row 'Tesla V100 / FP32': column tflops = 'inf' is not a valid finite double"],
    ),
    "negative_watts": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"watts": "-300"}),
        ["staging.stg_paper__gpu_specs", 'rule "watts must be positive"', "row 'Tesla V100 / FP32' (watts=-300"],
    ),
    "zero_watts": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"watts": "0"}),
        ["staging.stg_paper__gpu_specs", 'rule "watts must be positive"', "row 'Tesla V100 / FP32' (watts=0"],
    ),
    "unknown_precision_label": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"precision_label": "FP8"}),
        ["raw.gpu_specs", "row 'Tesla V100 / FP8': unknown precision label 'FP8'"],
    ),
    "duplicate_key": (
        "cv_models",
        duplicate_row("cv_models", {"model_id": "resnet50"}),
        [
            "staging.stg_paper__cv_models",
            'rule "model_id is the key: unique and never null"',
            "model_id = resnet50 appears 2 times",
        ],
    ),
    "mixed_precision_on_unsupported_gpu": (
        "ngc_throughputs",
        append_line("ngc_throughputs", "59,CV,ResNet v1.5,PyTorch,256,RTX 3090 24GB,Mixed,2000,2.00"),
        [
            "raw.ngc_throughputs",
            'rule "mixed-precision and TF32 rows only for v100, a100, t4"',
            "#59 ResNet v1.5",
            "on GPU 'RTX 3090 24GB'",
        ],
    ),
    "row_with_extra_value": (
        "edge_accelerators",
        append_line("edge_accelerators", "Device X,2020,GPU,100,surplus"),
        # the appended line: after the header and every data row
        [
            f"BAD SEED seeds/paper/edge_accelerators.csv line {len(read_rows(SEEDS / 'edge_accelerators.csv')) + 2}: "
            "5 values, but the header has 4 columns"
        ],
    ),
    "accuracy_out_of_range": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "vgg16"}, {"top1_accuracy_pct": "171.59"}),
        ["staging.stg_paper__cv_models", "top-1 accuracy must be a percentage", "model_id 'vgg16'"],
    ),
    "benchmark_gpu_missing_from_gpu_table": (
        "ngc_throughputs",
        append_line("ngc_throughputs", "59,CV,ResNet v1.5,PyTorch,256,H100 80GB,FP32,2000,1.00"),
        [
            "staging.stg_paper__ngc_throughputs",
            'rule "gpu_id must reference stg_paper__gpu_specs.gpu_id (relationships)"',
            "row '#59 ResNet v1.5 PyTorch H100 80GB FP32': gpu_id = 'h100'",
        ],
    ),
    "inconsistent_gflops_per_watt_without_erratum": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"published_gflops_per_watt": "62.33"}),
        [
            "[J.8 published_gflops_per_watt] row 'Tesla V100 / fp32' (v100/fp32): printed 62.33 GFLOPS/W",
            "not documented in paper_errata",
        ],
    ),
    "documented_erratum_removed": (
        "paper_errata",
        remove_rows("paper_errata", {"erratum_id": "j8_a40_fp32_gflops_per_watt"}),
        ["[J.8 published_gflops_per_watt] row 'A40 / fp32' (a40/fp32): printed 124.0 GFLOPS/W", "= 124.667"],
    ),
    "stale_erratum": (
        "gpu_specs",
        edit_seed("gpu_specs", {"gpu_name": "A40", "precision_label": "FP32"}, {"published_gflops_per_watt": "124.67"}),
        [
            "row 'A40 / fp32' (a40/fp32): is listed in paper_errata (j8_a40_fp32_gflops_per_watt)",
            "but is now consistent",
            "remove the stale erratum",
        ],
    ),
    "erratum_matching_no_printed_value": (
        "paper_errata",
        append_line("paper_errata", "j8_ghost,J.8,ghost/fp32,published_gflops_per_watt,1.0,A GPU J.8 does not list."),
        ["paper_errata row j8_ghost matches no printed value"],
    ),
    "zero_throughput": (
        "ngc_throughputs",
        edit_seed("ngc_throughputs", {"benchmark_id": "33"}, {"throughput_per_second": "0"}),
        ["staging.stg_paper__ngc_throughputs", "#33 SE-ResNeXt101-32 x 4d", "throughput must be positive"],
    ),
    "benchmark_without_fp32_baseline": (
        "ngc_throughputs",
        remove_rows("ngc_throughputs", {"benchmark_id": "23"}),
        [
            "intermediate.int_ngc_benchmarks_paired_with_baselines",
            "every benchmark needs an FP32 baseline",
            "#24 SSD v1.1 PyTorch V100 16GB mixed",
            "#25 SSD v1.1 PyTorch A100 40GB tf32",
        ],
    ),
    "missing_column": (
        "gpu_specs",
        drop_column("gpu_specs", "gpu_type"),
        ["raw.gpu_specs", "column gpu_type is declared in YAML but missing from the file"],
    ),
    "extra_column": (
        "gpu_specs",
        add_column("gpu_specs", "memory_gb", "16"),
        ["BAD SEED seeds/paper/gpu_specs.csv: header cell 'memory_gb' is not a column declared in YAML"],
    ),
    "sql_in_a_header_cell": (
        "gpu_specs",
        rename_column("gpu_specs", "gpu_type", f"x varchar); copy (select 1) to '{INJECTION_PROBE}' (format csv); --"),
        ["BAD SEED seeds/paper/gpu_specs.csv: header cell 'x varchar); copy", "is not a plain identifier"],
    ),
    "precision_label_in_lowercase": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"precision_label": "fp32"}),
        ["raw.gpu_specs", "row 'Tesla V100 / fp32': unknown precision label 'fp32'"],
    ),
    "integer_written_as_a_decimal": (
        "ngc_throughputs",
        edit_seed("ngc_throughputs", {"benchmark_id": "33"}, {"batch_size": "256.5"}),
        ["raw.ngc_throughputs", TYPE_RULE, "column batch_size = '256.5' is not a valid integer"],
    ),
    "precision_label_with_a_trailing_space": (
        "gpu_specs",
        edit_seed("gpu_specs", V100_FP32, {"precision_label": "fp32 "}),
        ["raw.gpu_specs", "row 'Tesla V100 / fp32 ': unknown precision label 'fp32 '"],
    ),
    "header_only_seed": (
        "edge_accelerators",
        keep_header_only("edge_accelerators"),
        ["raw.edge_accelerators", "the file has 0 data row(s), at least 1 expected"],
    ),
    "empty_seed_file": (
        "edge_accelerators",
        empty_file("edge_accelerators"),
        ["BAD SEED seeds/paper/edge_accelerators.csv: the file is empty"],
    ),
    "gpu_without_launch_date": (
        "gpu_specs",
        edit_seed("gpu_specs", {"gpu_name": "T4", "precision_label": "FP32"}, {"launch_date": ""}),
        ["raw.gpu_specs", 'rule "launch_date is required (not_null)"', "row 'T4 / FP32': launch_date is empty"],
    ),
    "architecture_not_in_the_accepted_values": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "alexnet"}, {"architecture": "RNN"}),
        [
            "raw.cv_models",
            'rule "architecture must be one of [CNN, Transformer, Hybrid] (accepted_values)"',
            "model_id 'alexnet': architecture = 'RNN'",
        ],
    ),
    "trend_without_definition": (
        "trend_definitions",
        remove_rows("trend_definitions", {"trend_id": "energy_nlp_all"}),
        [
            "intermediate.int_model_trend_points",
            "every point's trend has a row in seed trend_definitions",
            "quantity=energy, domain=nlp, subset=all, dataset=paper",
        ],
    ),
    # the extension's seeds get the same checks (seeds/extension/)
    "sparse_figure_entered_as_dense": (
        "extension_gpu_datasheet_peaks",
        edit_seed(
            "extension_gpu_datasheet_peaks",
            {"gpu_id": "h200_sxm", "precision": "fp8_tensor"},
            {
                "tflops_dense": "3958",
                "sparse_published": "no",
                "derived_from_sparse": "no",
                "gflops_per_watt": "5654.29",
            },
        ),
        [
            "FAILED test assert_extension_dense_peaks_scale_with_format_width "
            "(on staging.stg_extension__gpu_datasheet_peaks)",
            "a dense tensor peak is at most 2.5 x the peak of the next wider format",
            "row 'h200_sxm / fp8_tensor': 3958.0 dense is 4.0 x the best peak of the next wider format",
        ],
    ),
    "fp8_on_a_gpu_without_fp8": (
        "extension_gpu_datasheet_peaks",
        fp8_row_for_ampere,
        [
            "staging.stg_extension__gpu_datasheet_peaks",
            "FP8 exists only on the architectures of var fp8_architectures",
            "row 'a30 / fp8_tensor' (architecture=ampere)",
        ],
    ),
    "moe_with_more_active_than_total_parameters": (
        "extension_nlp_models",
        edit_seed("extension_nlp_models", {"model_id": "deepseek_v3"}, {"active_params_billions": "700"}),
        [
            "staging.stg_extension__nlp_models",
            "active parameters cannot exceed the total",
            "model_id 'deepseek_v3' (active_params_billions=700.0, params_billions=671.0)",
        ],
    ),
    "extension_model_repeating_a_paper_key": (
        "extension_cv_models",
        edit_seed("extension_cv_models", {"model_id": "convnext_t"}, {"model_id": "resnet50"}),
        [
            "intermediate.int_models_unioned",
            'rule "model_id is the key: unique and never null"',
            "model_id = resnet50 appears 2 times",
        ],
    ),
    "measured_result_with_zero_throughput": (
        "extension_measured_inference_energy",
        edit_seed("extension_measured_inference_energy", {"result_id": "mlperf_v1_0_001"}, {"samples_per_second": "0"}),
        [
            "staging.stg_extension__measured_inference_energy",
            "throughput, wall power and energy per sample must be positive",
            "result_id 'mlperf_v1_0_001' (samples_per_second=0.0",
        ],
    ),
    "measured_result_with_an_unknown_scenario": (
        "extension_measured_inference_energy",
        edit_seed(
            "extension_measured_inference_energy", {"result_id": "mlperf_v1_0_001"}, {"scenario": "SingleStream"}
        ),
        [
            "intermediate.int_measured_results_mapped",
            "the scenario label must be in seed measurement_vocabulary",
            "result_id 'mlperf_v1_0_001' (scenario_label=SingleStream)",
        ],
    ),
    "extension_gflops_beyond_the_physical_ceiling": (
        "extension_cv_models",
        edit_seed("extension_cv_models", {"model_id": "convnext_t"}, {"gflops": "1e308"}),
        [
            "staging.stg_extension__cv_models",
            "gflops is at most var gflops_per_inference_max",
            "model_id 'convnext_t'",
        ],
    ),
    "paper_model_released_after_the_paper": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "alexnet"}, {"release_date": "2024-01-15"}),
        [
            "staging.stg_paper__cv_models",
            "released on or before the paper's publication (var paper_publication_date)",
            "release_date=2024-01-15",
        ],
    ),
    "control_character_in_a_name": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "alexnet"}, {"model_name": "Alex\x00Net"}),
        ["BAD SEED seeds/paper/cv_models.csv line 2: a NUL byte", "without control characters"],
    ),
    "escape_character_in_a_name": (
        "cv_models",
        edit_seed("cv_models", {"model_id": "alexnet"}, {"model_name": "Alex\x1bNet"}),
        ["BAD SEED seeds/paper/cv_models.csv line 2: column model_name holds the control character U+001B"],
    ),
    "header_cell_written_twice": (
        "cv_models",
        rename_header_cell("cv_models", "gflops_ref", "gflops"),
        ["BAD SEED seeds/paper/cv_models.csv: header cell 'gflops' is written 2 times (columns 9 and 10)"],
    ),
    "seed_saved_as_utf16": (
        "cv_models",
        rewrite_encoded("cv_models", "utf-16"),
        ["BAD SEED seeds/paper/cv_models.csv: the file is UTF-16 (rule: seeds are UTF-8 text"],
    ),
    "seed_saved_as_latin1": (
        "cv_models",
        rewrite_encoded("cv_models", "latin-1", {"model_id": "alexnet"}, {"model_name": "AlexNet café"}),
        ["BAD SEED seeds/paper/cv_models.csv line 2: byte 0xE9 is not UTF-8", "Latin-1 or Windows-1252"],
    ),
    "seed_replaced_by_a_folder": (
        "gpu_specs",
        seed_replaced_by_a_folder("gpu_specs"),
        ["BAD SEED seeds/paper/gpu_specs.csv: a folder, not a CSV file", "refused unread"],
    ),
    "measured_result_id_repeated": (
        "extension_measured_inference_energy",
        duplicate_row("extension_measured_inference_energy", {"result_id": "mlperf_v2_0_010"}),
        ['rule "result_id must be unique"', "result_id = mlperf_v2_0_010 appears 2 times"],
    ),
    "mlperf_system_with_an_unknown_power_mode": (
        "extension_mlperf_system_power_modes",
        edit_seed(
            "extension_mlperf_system_power_modes",
            {"system": "NVIDIA DGX H100 (8x H100-SXM-80GB; MaxQ; TensorRT)"},
            {"power_mode": "Turbo"},
        ),
        [
            "raw.extension_mlperf_system_power_modes",
            'rule "power_mode must be one of [MaxQ, MaxP] (accepted_values)"',
            "system 'NVIDIA DGX H100 (8x H100-SXM-80GB; MaxQ; TensorRT)': power_mode = 'Turbo'",
        ],
    ),
    "measured_result_without_its_accelerator_count": (
        "extension_measured_inference_energy",
        edit_seed("extension_measured_inference_energy", {"result_id": "mlperf_v1_0_001"}, {"n_accelerators": ""}),
        [
            "intermediate.int_measured_results_mapped",
            "a result on an accelerator of the GPU dimension must state the accelerator count",
            "result_id 'mlperf_v1_0_001'",
        ],
    ),
    "measured_result_with_an_accuracy_target_without_a_compute_format": (
        "extension_measured_inference_energy",
        edit_seed(
            "extension_measured_inference_energy", {"result_id": "mlperf_v1_0_001"}, {"accuracy_target": "97% of FP32"}
        ),
        [
            "intermediate.int_measured_results_mapped",
            "accuracy target must be in seed measurement_vocabulary (vocabulary compute_format)",
            "result_id 'mlperf_v1_0_001' (accuracy_target=97% of FP32)",
        ],
    ),
    "llm_row_with_nonpositive_numbers_and_unknown_labels": (
        "extension_llm_measured_energy",
        edit_seed(
            "extension_llm_measured_energy",
            {"llm_measurement_id": "llm_0001"},
            {"tokens_per_second": "-5", "n_accelerators": "0", "scenario": "Batch 99", "tokens_basis": ""},
        ),
        [
            "intermediate.int_llm_measurements_mapped",
            "llm_measurement_id 'llm_0001'",
            "the accelerator count is stated and positive",
            "tokens per second is positive where stated",
            "the scenario label must be in seed llm_vocabulary",
            "what a token counts (tokens_basis) must be stated and in seed llm_vocabulary",
        ],
    ),
    "llm_row_with_more_active_than_total_parameters_and_an_unknown_boundary": (
        "extension_llm_measured_energy",
        edit_seed(
            "extension_llm_measured_energy",
            {"llm_measurement_id": "llm_0040"},
            {"model_params_active_b": "999", "measurement_boundary": "the rack"},
        ),
        [
            "intermediate.int_llm_measurements_mapped",
            "llm_measurement_id 'llm_0040'",
            "active parameters are at most the total",
            "the measurement boundary label must be in seed llm_vocabulary",
            "(boundary_label=the rack)",
        ],
    ),
    "pue_below_one": (
        "data_centre_pue",
        edit_seed("data_centre_pue", {"year": "2023"}, {"pue": "0.9"}),
        [
            "staging.stg_project__data_centre_pue",
            'rule "a PUE is at least 1 (facility energy / IT energy)"',
            "pue_year '2023'",
        ],
    ),
    "scenario_without_source": (
        "usage_scenarios",
        edit_seed("usage_scenarios", {"scenario_id": "paper_one_per_second_per_person"}, {"source": " "}),
        [
            "raw.usage_scenarios",
            'rule "source is required (not_null)"',
            "scenario_id 'paper_one_per_second_per_person': source is empty",
        ],
    ),
    "scenario_extrapolates_without_the_flag": (
        "usage_scenarios",
        edit_seed(
            "usage_scenarios",
            {"scenario_id": "paper_one_per_second_per_person_2025"},
            {"is_extrapolation_allowed": "false"},
        ),
        [
            "marts.fct_usage_scenarios",
            'rule "a scenario reads its trend past the data only where the seed allows it (is_extrapolation_allowed)"',
            "scenario_id 'paper_one_per_second_per_person_2025'",
        ],
    ),
    "negative_grid_intensity": (
        "extension_grid_carbon_intensity",
        edit_seed("extension_grid_carbon_intensity", {"region_code": "FRA"}, {"carbon_intensity_gco2e_per_kwh": "-5"}),
        [
            "staging.stg_extension__grid_carbon_intensity",
            'rule "a grid carbon intensity is not negative (gCO2e/kWh)"',
            "region_code 'FRA'",
        ],
    ),
}
