"""End to end: the built warehouse holds every row of every table, typed, with the
paper's values."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO

SEEDS = REPO / "seeds" / "paper"

# seed -> (staging model, rows in the paper's table)
TABLES = {
    "cv_models": ("stg_paper__cv_models", 91),
    "nlp_models": ("stg_paper__nlp_models", 19),
    "gpu_specs": ("stg_paper__gpu_specs", 50),
    "gpu_adapted_specs": ("stg_paper__gpu_adapted_specs", 36),
    "ngc_throughputs": ("stg_paper__ngc_throughputs", 58),
    "nvml_energy_measurements": ("stg_paper__nvml_energy_measurements", 12),
    "resnet50_review_energy": ("stg_paper__resnet50_review_energy", 3),
    "edge_accelerators": ("stg_paper__edge_accelerators", 23),
    "edge_system_energy": ("stg_paper__edge_system_energy", 7),
    "efficientnet_scaling_specs": ("stg_paper__efficientnet_scaling_specs", 2),
    "vit_g14_gflops_by_resolution": ("stg_paper__vit_g14_gflops_by_resolution", 2),
    "human_energy_references": ("stg_paper__human_energy_references", 2),
}


def csv_rows(seed: str) -> int:
    with open(SEEDS / f"{seed}.csv", newline="", encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))


@pytest.mark.parametrize("seed", sorted(TABLES))
def test_every_row_reaches_staging(warehouse, seed):
    model, paper_rows = TABLES[seed]
    assert csv_rows(seed) == paper_rows, f"{seed}.csv should hold the paper's {paper_rows} rows"
    (raw,) = warehouse.query(f"select count(*) from raw.{seed}")[0]
    (staged,) = warehouse.query(f"select count(*) from staging.{model}")[0]
    assert raw == staged == paper_rows


def test_alexnet_as_printed(warehouse):
    row = warehouse.query(
        "select top1_accuracy_pct, params_millions, gflops, release_date, architecture, "
        "is_gflops_tool_measured from staging.stg_paper__cv_models where model_id = 'alexnet'"
    )
    assert row == [(56.52, 61.0, 1.42, date(2012, 6, 1), "CNN", True)]


def test_multiply_adds_are_normalised(warehouse):
    rows = dict(
        warehouse.query(
            "select model_id, gflops from staging.stg_paper__cv_models where gflops_convention = 'multiply_adds'"
        )
    )
    assert rows == {"xception": pytest.approx(16.8), "resnext101_32x8d_swsl": pytest.approx(32.0)}


def test_gpu_keys_join_across_tables(warehouse):
    orphans = warehouse.query(
        """
        select t.gpu_id from (
            select gpu_id from staging.stg_paper__ngc_throughputs
            union select gpu_id from staging.stg_paper__gpu_adapted_specs
            union select gpu_id from staging.stg_paper__nvml_energy_measurements
            union select gpu_id from staging.stg_paper__resnet50_review_energy
        ) t
        anti join staging.stg_paper__gpu_specs s on t.gpu_id = s.gpu_id
        """
    )
    assert orphans == []
    benchmarked = {r[0] for r in warehouse.query("select distinct gpu_id from staging.stg_paper__ngc_throughputs")}
    assert benchmarked == {"v100", "a100", "t4"}


def test_v100_fp32_spec(warehouse):
    row = warehouse.query(
        "select tflops, watts, launch_date, gpu_type, published_gflops_per_watt "
        "from staging.stg_paper__gpu_specs where gpu_id = 'v100' and precision = 'fp32'"
    )
    assert row == [(15.7, 300.0, date(2018, 3, 27), "server", 52.33)]


def test_unreadable_j9_cell_is_null_not_guessed(warehouse):
    row = warehouse.query(
        "select published_tflops, published_gflops_per_watt, transcription_status "
        "from staging.stg_paper__gpu_adapted_specs "
        "where adapted_for = 'nlp' and gpu_id = 'a100' and precision = 'mixed'"
    )
    assert row == [(None, None, "unreadable")]


def test_mixed_precision_only_on_ngc_gpus(warehouse):
    rows = warehouse.query(
        """
        select distinct gpu_id from staging.stg_paper__gpu_adapted_specs where precision in ('mixed', 'tf32')
        union
        select distinct gpu_id from staging.stg_paper__ngc_throughputs where precision in ('mixed', 'tf32')
        """
    )
    assert {r[0] for r in rows} == {"v100", "a100", "t4"}


def test_human_energy_in_joules_per_second(warehouse):
    rows = dict(
        warehouse.query("select quantity_id, joules_per_second from staging.stg_paper__human_energy_references")
    )
    # Section 8: "approximately 100 Joules/s" and "approximately 10,000 Joules every second"
    assert rows["internal_food_energy"] == pytest.approx(2000 * 4184 / 86400)
    assert rows["external_energy_usa_2019"] == pytest.approx(79897 * 3.6e6 / (365 * 86400))


def test_reconstructed_rows_are_flagged_with_evidence(warehouse):
    rows = warehouse.query(
        "select model_id, transcription_status, transcription_note from staging.stg_paper__cv_models "
        "where transcription_status <> 'as_printed'"
    )
    assert len(rows) >= 10
    for model_id, status, note in rows:
        assert note, f"{model_id} is {status} but has no transcription note"
    by_id = {r[0]: r[1] for r in rows}
    assert by_id["senet154"] == "unrecoverable"
    missing = warehouse.query(
        "select top1_accuracy_pct, params_millions from staging.stg_paper__cv_models where model_id = 'senet154'"
    )
    assert missing == [(None, None)]


def test_warehouse_file_is_the_only_output(warehouse):
    leftovers = [p.name for p in Path(warehouse.db_path).parent.iterdir() if p.name.startswith(".building-")]
    assert leftovers == []


# --- Hardware efficiency chain (J.8 + E.3 -> F.4 -> J.9 -> fits) -------------------


def test_speedups_table_f4(warehouse):
    rows = {
        (d, g, p): (n, round(m, 4))
        for d, g, p, n, m in warehouse.query(
            "select domain, gpu_id, precision, n_benchmarks, mean_speedup from marts.fct_mixed_precision_speedups"
        )
    }
    assert len(rows) == 8
    # V100 mixed, CV: mean of 8 throughput ratios (6176/2968, 843/376, ...)
    assert rows[("cv", "v100", "mixed")] == (8, 2.2745)
    # A100 TF32, NLP, against V100 FP32: 241.68/44.03, 645.88/146.15, 19434.5/8555.6, 7755/3782
    expected = (241.68 / 44.03 + 645.88 / 146.15 + 19434.5 / 8555.6 + 7755 / 3782) / 4
    assert rows[("nlp", "a100", "tf32")] == (4, round(expected, 4))


def test_every_j9_value_is_reproduced_by_computation(warehouse):
    rows = warehouse.query(
        "select gpu_id, precision, adapted_for, tflops, gflops_per_watt, published_tflops, published_gflops_per_watt "
        "from marts.fct_gpu_efficiency where published_gflops_per_watt is not null"
    )
    assert len(rows) == 35  # 36 rows of J.9, one unreadable
    for gpu, precision, adapted, tflops, gpw, pub_tflops, pub_gpw in rows:
        assert round(tflops, 2) == pytest.approx(pub_tflops), (gpu, precision, adapted)
        assert abs(gpw - pub_gpw) <= 0.005 + 1e-9, (gpu, precision, adapted)


def test_unreadable_j9_cell_is_derived(warehouse):
    [(tflops, gpw)] = warehouse.query(
        "select tflops, gflops_per_watt from marts.fct_gpu_efficiency "
        "where gpu_id = 'a100' and precision = 'mixed' and adapted_for = 'nlp'"
    )
    expected_speedup = (342.22 / 44.03 + 846.81 / 146.15 + 21854.7 / 8555.6 + 9653 / 3782) / 4
    assert tflops == pytest.approx(15.70 * expected_speedup)
    assert round(tflops, 2) == 73.29 and round(gpw, 2) == 183.23


def test_efficiency_fits_per_domain(warehouse):
    fits = {
        r[0]: r[1:]
        for r in warehouse.query(
            "select trend_id, n_points, slope_log10_per_year, slope_ci95_low, slope_ci95_high, "
            "doubling_time_years, r_squared from marts.fct_trend_fits"
        )
    }
    assert {"gpu_efficiency_cv", "gpu_efficiency_nlp", "gpu_theoretical_fp32"} <= set(fits)
    n_cv, slope_cv, low_cv, high_cv, doubling_cv, r2_cv = fits["gpu_efficiency_cv"]
    assert n_cv == 32 and fits["gpu_efficiency_nlp"][0] == 32
    assert low_cv < slope_cv < high_cv
    # GPU efficiency for CNNs doubles about every 2.6 years
    assert 2.5 < doubling_cv < 2.8
    assert 0.7 < r2_cv < 0.9


def test_trend_value_at_reproduces_k10_estimates(warehouse):
    """The paper's K.10 estimates are GFLOPs / (CV-fit GFLOPS/W at the GPU's launch date)."""
    rows = warehouse.query(
        """
        select m.cv_model_id, m.gpu_id, m.published_estimate_joules,
            c.gflops / pow(10, f.intercept_log10 + f.slope_log10_per_year
                * date_diff('day', f.reference_date, g.launch_date) / 365.25) as joules
        from staging.stg_paper__nvml_energy_measurements m
        join staging.stg_paper__cv_models c on c.model_id = m.cv_model_id
        join staging.stg_paper__gpu_specs g on g.gpu_id = m.gpu_id and g.precision = 'fp32'
        join marts.fct_trend_fits f on f.trend_id = 'gpu_efficiency_cv'
        """
    )
    assert len(rows) == 12
    for model, gpu, published, joules in rows:
        assert round(joules, 3) == pytest.approx(published), (model, gpu)


# --- Energy per inference, trends, validation (Sections 4-8, Appendices H, K) --------


def independent_cv_fit(warehouse):
    """Refit the CV efficiency trend with numpy from the mart's own fit points."""
    import numpy as np

    rows = warehouse.query("select launch_date, gflops_per_watt from marts.fct_gpu_efficiency where is_cv_fit_point")
    x = np.array([(d - date(2010, 1, 1)).days / 365.25 for d, _ in rows])
    y = np.log10([g for _, g in rows])
    slope, intercept = np.polyfit(x, y, 1)
    return lambda d: 10 ** (intercept + slope * (d - date(2010, 1, 1)).days / 365.25)


def test_joules_per_inference_is_gflops_over_fitted_efficiency(warehouse):
    efficiency_at = independent_cv_fit(warehouse)
    rows = {
        r[0]: r[1:]
        for r in warehouse.query(
            "select model_id, release_date, gflops, joules_per_inference, joules_per_inference_ci95_low, "
            "joules_per_inference_ci95_high from marts.fct_inference_energy where domain = 'cv'"
        )
    }
    for model_id in ["alexnet", "resnet50", "efficientnet_b7", "vit_g14"]:
        released, gflops, joules, low, high = rows[model_id]
        assert joules == pytest.approx(gflops / efficiency_at(released), rel=1e-9), model_id
        assert low < joules < high
    # AlexNet (2012): 1.42 GFLOPs at ~14.2 GFLOPS/W -> ~0.0998 J; ResNet-50 (2015): ~0.212 J
    assert rows["alexnet"][2] == pytest.approx(0.09984, abs=5e-5)
    assert rows["resnet50"][2] == pytest.approx(0.2119, abs=5e-4)


def test_gpt3_is_the_most_energy_hungry_nlp_model(warehouse):
    [(model_id, joules)] = warehouse.query(
        "select model_id, joules_per_inference from marts.fct_inference_energy "
        "where domain = 'nlp' order by joules_per_inference desc limit 1"
    )
    assert model_id == "gpt3" and 5000 < joules < 6500


def test_every_model_has_energy_unless_gflops_are_missing(warehouse):
    [(total, with_energy)] = warehouse.query(
        "select count(*), count(joules_per_inference) from marts.fct_inference_energy"
    )
    assert total == 91 + 19
    assert with_energy == total - 1  # the ViT-L/16 row whose GFLOPs are unreadable


def test_k10_estimates_reproduced_and_k11_swap_documented(warehouse):
    statuses = dict(warehouse.query("select case_id, status from marts.fct_energy_validation"))
    assert len(statuses) == 12 + 6
    assert all(s == "reproduced" for c, s in statuses.items() if c.startswith("K.10"))
    assert statuses["K.11 ResNet-50 on Nvidia RTX 2080 Ti FP32"] == "reproduced"
    assert statuses["K.11 ResNet-50 on Nvidia Titan RTX FP32"] == "documented_erratum"
    assert statuses["K.11 ResNet-50 on Nvidia Tesla T4 FP32"] == "documented_erratum"


def test_appendix_h_estimates(warehouse):
    rows = {
        r[0]: r[1:] for r in warehouse.query("select model_id, estimated_gflops, status from marts.fct_flops_estimates")
    }
    assert rows["noisystudent_l2"][0] == pytest.approx(74 * (5.3 / 3.1) * (4.3 / 2) ** 2 * (800 / 600) ** 2)
    assert rows["fixefficientnet_b0"][0] == pytest.approx(0.78 * (320 / 224) ** 2)
    assert rows["meta_pseudo_labels_l2"][0] == rows["noisystudent_l2"][0]
    assert rows["vit_g14"] == (pytest.approx(2859.9 * (518 / 384) ** 2), "documented_erratum")
    assert {s for _, s in rows.values()} == {"reproduced", "documented_erratum"}


def test_params_flops_correlations_reproduce_fig1(warehouse):
    rows = {
        r[0]: r[1:]
        for r in warehouse.query(
            "select architecture, correlation_coefficient, published_correlation "
            "from marts.fct_params_flops_correlations where method = 'pearson_raw'"
        )
    }
    assert rows["CNN"][0] == pytest.approx(0.772, abs=0.015)
    assert rows["Transformer"][0] == pytest.approx(0.994, abs=0.002)


def test_human_energy_comparison(warehouse):
    rows = warehouse.query(
        "select human_reference_id, human_joules_per_second, joules_per_inference, "
        "inferences_per_second_matching_human from marts.fct_human_energy_comparison where model_id = 'alexnet'"
    )
    assert len(rows) == 2
    for _, human, joules, per_second in rows:
        assert per_second == pytest.approx(human / joules)


def test_trend_fits_cover_every_figure(warehouse):
    trends = {r[0] for r in warehouse.query("select trend_id from marts.fct_trend_fits")}
    assert {
        "gpu_efficiency_cv",
        "gpu_efficiency_nlp",
        "compute_cv_all",
        "compute_cv_best_of_year",
        "compute_nlp_all",
        "compute_nlp_most_demanding",
        "energy_cv_all",
        "energy_cv_best_of_year",
        "energy_nlp_all",
        "energy_nlp_most_demanding",
    } <= trends
    [(best, all_models)] = warehouse.query(
        "select max(case when trend_id = 'energy_cv_best_of_year' then slope_log10_per_year end), "
        "max(case when trend_id = 'energy_cv_all' then slope_log10_per_year end) from marts.fct_trend_fits"
    )
    # Section 7: energy grows clearly for the best models, the all-models line is almost flat
    assert best > 0.15 and abs(all_models) < best / 3


def test_table_1_rule(warehouse):
    rows = {
        r[0]: r[1:]
        for r in warehouse.query(
            "select model_id, is_selected_by_rule, is_in_published_table_1 from marts.fct_alexnet_flops_peers"
        )
    }
    both = [m for m, (sel, pub) in rows.items() if sel and pub]
    assert len(both) == 6
    assert rows["mobilenet"] == (False, True)


def test_every_analysis_query_runs(warehouse):
    """The ad hoc queries in analysis/ compile and run against the built warehouse."""
    import os
    import subprocess

    import duckdb
    from conftest import VENV

    project = warehouse.db_path.parent.parent
    env = dict(os.environ, INFERENCE_ENERGY_DB=str(warehouse.db_path))
    proc = subprocess.run(
        [str(VENV / "bin" / "dbt"), "compile", "--select", "resource_type:analysis"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    compiled = sorted((project / "target" / "compiled" / "inference_energy" / "analysis").glob("*.sql"))
    assert len(compiled) == len(list((project / "analysis").glob("*.sql"))) >= 5
    con = duckdb.connect(str(warehouse.db_path), read_only=True)
    try:
        for path in compiled:
            assert con.execute(path.read_text()).fetchall(), f"{path.name} returned no rows"
    finally:
        con.close()
