"""Figures and report are drawn from the marts, faithfully."""

from __future__ import annotations

import re

import figures
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest


@pytest.fixture(scope="module")
def marts(warehouse):
    return figures.load_marts(warehouse.db_path)


def test_build_writes_all_figures_and_the_report(warehouse):
    reports = warehouse.db_path.parent.parent / "reports"
    pngs = sorted(p.stem for p in (reports / "figures").glob("*.png"))
    svgs = sorted(p.stem for p in (reports / "figures").glob("*.svg"))
    assert pngs == svgs == sorted(figures.FIGURES)
    assert len(pngs) == 15  # Figs. 1-14 and Appendix G's Fig. G.15
    assert all((reports / "figures" / f"{n}.png").stat().st_size > 10_000 for n in pngs)
    page = (reports / "index.html").read_text(encoding="utf-8")
    for name in figures.FIGURES:
        assert f'src="figures/{name}.png"' in page
    assert (reports / "docs" / "index.html").exists() and 'href="docs/index.html"' in page
    assert "<script" not in page


def test_report_has_validation_and_errata_tables(warehouse):
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    validation = warehouse.query("select count(*) from marts.fct_energy_validation")[0][0]
    section = page.split("Validation against measured energy")[1].split("<h2>")[0]
    assert section.count("<tr>") == validation + 1  # header + one row per case
    assert "status-reproduced" in section and "status-mismatch" not in section
    errata = warehouse.query("select erratum_id, printed_value from marts.fct_paper_errata")
    errata_section = page.split("Errata:")[1].split("<h2>")[0]
    assert errata_section.count("<tr>") == len(errata) + 1
    assert "5270" in errata_section
    assert re.search(r"GPU efficiency for CNN inference.*?2\.6\d \[", page, re.S)
    # the conclusion is stated in this build's numbers, not typed in
    [(best,)] = warehouse.query(
        "select annual_growth_factor from marts.fct_trend_fits where trend_id = 'energy_cv_best_of_year'"
    )
    assert f"grows x{best:.2f} per year" in page


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_every_figure_has_title_labels_and_data(marts, name):
    fig = figures.FIGURES[name](marts)
    ax = fig.axes[0]
    number = name[3:6] if name.startswith("figG") else str(int(name[3:5]))
    assert ax.get_title().startswith(f"Fig. {number.replace('G15', 'G.15')}.")
    assert ax.get_xlabel() and ax.get_ylabel()
    assert ax.collections, "no points plotted"
    figures.plt.close(fig)


def test_fig03_points_are_the_marts_rows(marts):
    fig = figures.fig03_cv_gflops_over_time(marts)
    ax = fig.axes[0]
    cv = marts["fct_inference_energy"]
    cv = cv[(cv["domain"] == "cv") & cv["gflops"].notna()]
    # the first two scatters: models, and the most accurate of each year
    expected = np.column_stack([mdates.date2num(pd.to_datetime(cv["release_date"]).dt.to_pydatetime()), cv["gflops"]])
    scatter = np.vstack([c.get_offsets() for c in ax.collections[:2]])
    assert sorted(map(tuple, np.round(scatter, 6))) == sorted(map(tuple, np.round(expected, 6)))
    assert ax.get_yscale() == "log"
    figures.plt.close(fig)


def test_fig08_fit_lines_are_the_marts_fits(marts):
    fig = figures.fig08_gpu_efficiency(marts)
    ax = fig.axes[0]
    fits = marts["fct_trend_fits"].set_index("trend_id")
    lines = {line.get_label().split(" (")[0]: line for line in ax.get_lines()}
    for domain in ("cv", "nlp"):
        line = lines[f"Fit {domain.upper()}"]
        fit = fits.loc[f"gpu_efficiency_{domain}"]
        reference = mdates.date2num(pd.Timestamp(fit["reference_date"]).to_pydatetime())
        years = (line.get_xdata() - reference) / 365.25
        expected = 10 ** (fit["intercept_log10"] + fit["slope_log10_per_year"] * years)
        np.testing.assert_allclose(line.get_ydata(), expected, rtol=1e-6)
    figures.plt.close(fig)


def test_fig13_human_lines_come_from_the_reference_mart(marts):
    fig = figures.fig13_cv_energy_vs_humans(marts)
    ax = fig.axes[0]
    humans = marts["fct_human_energy_comparison"].drop_duplicates("human_reference_id")
    horizontal = sorted(line.get_ydata()[0] for line in ax.get_lines() if len(set(line.get_ydata())) == 1)
    assert horizontal == pytest.approx(sorted(humans["human_joules_per_second"]))
    figures.plt.close(fig)


def test_trend_values_match_sql_macro_at_a_date(warehouse, marts):
    """figures.trend_values and macro trend_value_at agree (fct_inference_energy's efficiency)."""
    fit = marts["fct_trend_fits"].set_index("trend_id").loc["gpu_efficiency_cv"]
    [(released, efficiency, low, high)] = warehouse.query(
        "select release_date, gflops_per_watt_at_release, gflops_per_watt_at_release_ci95_low, "
        "gflops_per_watt_at_release_ci95_high from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    fitted, lo, hi = figures.trend_values(fit, [released])
    assert (fitted[0], lo[0], hi[0]) == pytest.approx((efficiency, low, high))
