"""Figures and report are drawn from the marts, faithfully."""

from __future__ import annotations

import json
import re

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from inference_energy.publishing import figures
from inference_energy.publishing.figures import footprint, layout, paper, style


@pytest.fixture(scope="module")
def marts(warehouse):
    return figures.load_marts(warehouse.db_path)


def test_build_writes_all_figures_and_the_report(warehouse):
    reports = warehouse.db_path.parent.parent / "reports"
    pngs = sorted(p.stem for p in (reports / "figures").glob("*.png"))
    svgs = sorted(p.stem for p in (reports / "figures").glob("*.svg"))
    assert pngs == svgs == sorted(figures.FIGURES)
    assert all((reports / "figures" / f"{n}.png").stat().st_size > 10_000 for n in pngs)
    page = (reports / "index.html").read_text(encoding="utf-8")
    for name in figures.FIGURES:
        assert f'src="figures/{name}.png"' in page
    assert (reports / "docs" / "index.html").exists() and 'href="docs/index.html"' in page
    assert "<script" not in page


def test_report_has_validation_and_errata_tables(warehouse):
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    validation = warehouse.query("select count(*) from marts.fct_energy_validation")[0][0]
    section = page.split("Validation against measured energy")[1].split("<h2")[0]
    tables = section.split("<table>")
    coverage_table, split_table, cases_table = tables[1], tables[2], tables[3]
    [(n_groups,)] = warehouse.query("select count(*) from marts.fct_energy_validation_by_group")
    assert split_table.count("<tr>") == n_groups + 1
    assert cases_table.count("<tr>") == validation + 1  # header + one row per case
    # the coverage of each interval, computed in the mart, is what the report shows
    coverage = warehouse.query(
        "select table_ref, n_inside_mean_ci95, n_inside_pred95, share_inside_pred95 "
        "from marts.fct_energy_validation_coverage"
    )
    assert coverage_table.count("<tr>") == len(coverage) + 1
    for table_ref, _, inside_pred95, share in coverage:
        assert f"{inside_pred95} ({100 * share:.0f} %)" in coverage_table, table_ref
    assert "status-reproduced" in section and "status-mismatch" not in section
    errata = warehouse.query("select erratum_id, printed_value from marts.fct_paper_errata")
    errata_section = page.split("Errata:")[1].split("<h2")[0]
    assert errata_section.count("<tr>") == len(errata) + 1
    assert "5270" in errata_section
    assert re.search(r"GPU efficiency for CNN inference.*?2\.6\d \[", page, re.S)
    # the conclusion is stated in this build's numbers, not typed in
    [(best,)] = warehouse.query(
        "select annual_growth_factor from marts.fct_trend_fits where trend_id = 'energy_cv_best_of_year'"
    )
    assert f"grows x{best:.2f} per year" in page


def test_report_lists_every_scenario_reading_with_its_flag(warehouse):
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="footprint"')[1].split("<h2")[0]
    readings = warehouse.query("select is_extrapolated from marts.fct_usage_scenario_forecasts")
    assert section.count("<tr>") == len(readings) + 1
    assert section.count("(extrapolated)") == sum(1 for (flag,) in readings if flag)
    assert 'src="figures/figE12_forecast_to_2030.png"' in section


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_every_figure_has_title_labels_and_data(marts, name):
    fig = figures.FIGURES[name](marts)
    ax = fig.axes[0]
    # fig01..fig14 -> "Fig. 1.", figG15 -> "Fig. G.15.", figE1..figE13 -> "Fig. E1.", figS1 -> "Fig. S1."
    number = re.match(r"fig(\d\d|G15|E\d+|S\d)_", name).group(1)
    number = "G.15" if number == "G15" else number if number[0] in "ES" else str(int(number))
    assert ax.get_title().startswith(f"Fig. {number}.")
    assert ax.get_xlabel() and ax.get_ylabel()
    assert ax.collections, "no points plotted"
    plt.close(fig)


def test_fig03_points_are_the_marts_rows(marts):
    fig = paper.fig03_cv_gflops_over_time(marts)
    ax = fig.axes[0]
    cv = marts["fct_inference_energy"]
    cv = cv[(cv["domain"] == "cv") & cv["gflops"].notna()]
    # the first two scatters: models, and the most accurate of each year
    expected = np.column_stack([mdates.date2num(pd.to_datetime(cv["release_date"]).dt.to_pydatetime()), cv["gflops"]])
    scatter = np.vstack([c.get_offsets() for c in ax.collections[:2]])
    assert sorted(map(tuple, np.round(scatter, 6))) == sorted(map(tuple, np.round(expected, 6)))
    assert ax.get_yscale() == "log"
    plt.close(fig)


def test_fig08_fit_lines_are_the_marts_trend_lines(marts):
    fig = paper.fig08_gpu_efficiency(marts)
    ax = fig.axes[0]
    lines = {line.get_label().split(" (")[0]: line for line in ax.get_lines()}
    trend_lines = marts["fct_trend_lines"]
    for domain in ("cv", "nlp"):
        line = lines[f"Fit {domain.upper()}"]
        expected = trend_lines[
            (trend_lines["trend_id"] == f"gpu_efficiency_{domain}") & (trend_lines["line_span"] == "fit")
        ].sort_values("point_index")
        np.testing.assert_allclose(line.get_ydata(), expected["fitted_value"], rtol=1e-12)
        np.testing.assert_allclose(line.get_xdata(), style.date_numbers(expected["line_date"]), rtol=1e-12)
    plt.close(fig)


def test_fig09_marks_the_cutting_edge_the_warehouse_flags(marts):
    fig = paper.fig09_cv_energy_over_time(marts)
    ax = fig.axes[0]
    cv = marts["fct_inference_energy"]
    cv = cv[(cv["domain"] == "cv") & cv["joules_per_inference"].notna()]
    edge = next(c for c in ax.collections if c.get_label() == "Most accurate of its year")
    assert sorted(np.round(edge.get_offsets()[:, 1], 12)) == sorted(
        np.round(cv.loc[cv["is_cutting_edge"], "joules_per_inference"], 12)
    )
    plt.close(fig)


def test_fig13_human_lines_come_from_the_reference_mart(marts):
    fig = paper.fig13_cv_energy_vs_humans(marts)
    ax = fig.axes[0]
    humans = marts["fct_human_energy_comparison"].drop_duplicates("human_reference_id")
    horizontal = sorted(line.get_ydata()[0] for line in ax.get_lines() if len(set(line.get_ydata())) == 1)
    assert horizontal == pytest.approx(sorted(humans["human_joules_per_second"]))
    plt.close(fig)


def test_figures_are_reused_only_while_the_marts_they_read_are_unchanged(warehouse, marts, tmp_path):
    published = warehouse.db_path.parent.parent / "reports" / "figures"
    assert figures.render_or_reuse(marts, tmp_path / "first", published) == list(figures.FIGURES)
    for name in figures.FIGURES:
        assert (tmp_path / "first" / f"{name}.png").read_bytes() == (published / f"{name}.png").read_bytes()
    # one mart changes: exactly the figures that read it are drawn again
    changed = dict(marts)
    changed["fct_human_energy_comparison"] = marts["fct_human_energy_comparison"].iloc[1:]
    reused = figures.render_or_reuse(changed, tmp_path / "second", tmp_path / "first")
    readers = {"fig13_cv_energy_vs_humans", "fig14_nlp_energy_vs_humans"}
    assert set(figures.FIGURES) - set(reused) == readers
    state = json.loads((tmp_path / "second" / figures.render.FINGERPRINTS).read_text(encoding="utf-8"))
    assert {name for name, read in state["figures"].items() if "fct_human_energy_comparison" in read} == readers


def test_a_mart_digest_ignores_row_order_and_last_bit_noise_but_not_a_real_change():
    """Two builds of the same inputs hand rows over in different orders and differ in the last
    bits of parallel sums: the figures of such a mart are reused. Any visible change is not."""
    frame = pd.DataFrame({"gpu_id": ["a100", "v100", "t4"], "joules": [0.0123456789, 1.5, np.nan], "n": [1, 2, 3]})
    noisy = frame.iloc[::-1].copy()
    noisy["joules"] = noisy["joules"] * (1 + 2e-16)
    assert figures.mart_digest(noisy) == figures.mart_digest(frame)
    changed = frame.copy()
    changed.loc[0, "joules"] = 0.0123456789 * (1 + 1e-6)
    assert figures.mart_digest(changed) != figures.mart_digest(frame)
    assert figures.mart_digest(frame.rename(columns={"n": "count"})) != figures.mart_digest(frame)
    assert figures.mart_digest(frame.iloc[1:]) != figures.mart_digest(frame)


@pytest.mark.parametrize("name", ["figG15_glue_over_time", "fig05_glue_vs_gflops", "fig10_nlp_energy_over_time"])
def test_each_label_sits_next_to_its_point_or_is_joined_to_it(marts, name):
    """A model's name is within a few points of its point, or a leader line joins them (the
    SqueezeBERT label of G.15 once floated 26 points above its bubble with nothing joining it)."""
    fig = figures.FIGURES[name](marts)
    renderer = fig.canvas.get_renderer()
    points_to_pixels = fig.dpi / 72
    far = []
    for ax in fig.axes:
        for annotation in [child for child in ax.texts if hasattr(child, "xy")]:
            x, y = ax.transData.transform(annotation.xy)
            box = annotation.get_window_extent(renderer)
            gap = np.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1)) / points_to_pixels
            if gap > style.LEADER_LINE_DISTANCE and annotation.arrow_patch is None:
                far.append(f"{annotation.get_text()} ({gap:.0f} pt away)")
    assert far == []


def test_dense_layers_are_drawn_as_an_image_inside_the_svg_and_sparse_ones_stay_vector():
    """A seed or catalogue of 100 k models must not write tens of MB of SVG per figure."""
    import io

    import matplotlib.pyplot as plt

    many = figures.render.RASTERIZE_ABOVE_POINTS + 1
    fig, ax = plt.subplots()
    dense = ax.scatter(range(many), range(many))
    sparse = ax.scatter(range(10), range(10))
    (long_line,) = ax.plot(range(many))
    (short_line,) = ax.plot(range(10))
    assert figures.render.rasterize_dense_layers(fig) == 2
    assert dense.get_rasterized() and long_line.get_rasterized()
    assert not sparse.get_rasterized() and not short_line.get_rasterized()
    raster_svg = io.BytesIO()
    fig.savefig(raster_svg, format="svg")
    dense.set_rasterized(False)
    long_line.set_rasterized(False)
    vector_svg = io.BytesIO()
    fig.savefig(vector_svg, format="svg")
    plt.close(fig)
    assert b"<image" in raster_svg.getvalue() and b"<image" not in vector_svg.getvalue()
    assert len(raster_svg.getvalue()) < len(vector_svg.getvalue()) / 5


def test_the_report_answers_todays_question_first(warehouse):
    """The page opens with today's Joules per sample on current server GPUs, each with its
    pred95, and the verdicts' headline; the reproduction follows."""
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    assert headings[0].startswith("Today's answer") and headings[1] == "The question"
    today = page[page.index('<h2 id="today">') : page.index('<h2 id="the-question">')]
    rows = warehouse.query(
        """
        select p.gpu_name, p.predicted_joules_per_sample, p.pred95_low_joules_per_sample,
            p.pred95_high_joules_per_sample
        from marts.fct_measured_energy_predictions as p
        inner join marts.dim_gpus as g on p.gpu_id = g.gpu_id
        where p.precision = 'int8' and p.scenario = 'offline'
            and p.n_accelerators = 8 and p.power_mode = 'MaxQ'
            and g.launch_date >= (select max(launch_date) - interval 3 year from marts.dim_gpus)
        """
    )
    assert rows, "no current GPU has a prediction"
    assert today.count("<tr><td>") == len(rows)
    for gpu, joules, low, high in rows:
        assert f"<td>{gpu}</td><td>" in today
        assert f'<td class="num">{joules:.3g}</td><td class="num">[{low:.3g}, {high:.3g}]</td>' in today
    [(n_claims,)] = warehouse.query("select count(*) from marts.fct_paper_conclusions_checked")
    assert f"Of the paper&#39;s {n_claims} claims" in today and 'href="#beyond-2021"' in today


def test_the_code_draws_exactly_the_figures_the_seed_lists(warehouse):
    """The figures' vocabulary has one home, seed figures (mart dim_figures): the drawing code
    draws exactly those, and the report shows each once, in its section's order."""
    listed = warehouse.query("select figure_id, report_section, report_order from marts.dim_figures")
    assert sorted(name for name, _, _ in listed) == sorted(figures.FIGURES)
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    for section in ("paper", "sensitivity", "extension", "calibration"):
        ordered = [name for name, s, _ in sorted(listed, key=lambda row: row[2]) if s == section]
        positions = [page.index(f'src="figures/{name}.png"') for name in ordered]
        assert positions == sorted(positions), section


def test_figE12_draws_each_forecast_trend_dashed_past_its_data(marts):
    fig = footprint.figE12_forecast_to_2030(marts)
    ax = fig.axes[0]
    forecasts = marts["fct_trend_forecasts"]
    for trend_id, colour, _label in footprint.FORECAST_TRENDS:
        rows = forecasts[forecasts["trend_id"] == trend_id].sort_values("forecast_year")
        lines = [line for line in ax.get_lines() if line.get_color() == colour and len(line.get_xdata()) > 2]
        solid = next(line for line in lines if line.get_linestyle() == "-")
        dashed = next(line for line in lines if line.get_linestyle() == "--")
        inside = rows[~rows["is_extrapolated"]]
        np.testing.assert_allclose(solid.get_ydata(), inside["fitted_value"], rtol=1e-12)
        # the dashed part holds every extrapolated row (and the last reading inside, to join)
        extrapolated = rows[rows["is_extrapolated"]]["fitted_value"].to_numpy()
        np.testing.assert_allclose(dashed.get_ydata()[-len(extrapolated) :], extrapolated, rtol=1e-12)
        assert len(extrapolated) > 0
    plt.close(fig)


def test_figE13_points_are_the_scenario_rows_against_generation(marts):
    fig = footprint.figE13_scenario_energy_vs_demand(marts)
    ax = fig.axes[0]
    rows = marts["fct_usage_scenario_forecasts"]
    shown = ("within the data", "trend extrapolated")
    points = np.vstack([c.get_offsets() for c in ax.collections if c.get_label() in shown])
    assert sorted(np.round(points[:, 0], 9)) == sorted(np.round(rows["twh_per_year"], 9))
    verticals = {
        line.get_label(): line.get_xdata()[0] for line in ax.get_lines() if line.get_label().endswith("generation")
    }
    assert verticals["World generation"] == rows["world_generation_twh"].iloc[0]
    region = rows["compared_region_code"].iloc[0]
    assert verticals[f"{region} generation"] == rows["compared_region_generation_twh"].iloc[0]
    plt.close(fig)


def test_a_measurement_outside_its_interval_is_never_green(warehouse):
    """Reproduction (the paper's number) and validity (the measurement inside pred95) are two
    columns: a row whose measurement lies outside its pred95 carries no green class at all."""
    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    style = page.split("<style>")[1].split("</style>")[0]
    green = set(re.findall(r"\.([\w-]+) \{ color: #1a7f37", style))
    assert green == {"valid-inside", "verdict-holds"}
    cases = page.split("Validation against measured energy")[1].split("<h2")[0].split("<table>")[3]
    rows = cases.split("<tr>")[2:]
    outside = [row for row in rows if ">no</span>" in row]
    [(n_outside,)] = warehouse.query(
        "select count(*) from marts.fct_energy_validation where not is_measured_inside_pred95"
    )
    assert len(outside) == n_outside > 0
    assert all(not any(f'class="{name}"' in row for name in green) for row in outside)
    assert all('class="valid-outside"' in row for row in outside)


def test_your_own_models_shows_their_joules_and_totals(warehouse):
    from inference_energy.publishing.report_tables import OWN_MODELS_SHOWN, fmt

    page = (warehouse.db_path.parent.parent / "reports" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="your-models"')[1].split("<h2")[0]
    priced = warehouse.query(
        "select model_name, coalesce(llm_kwh_per_year, measured_system_kwh_per_year, paper_method_kwh_per_year) "
        "from marts.fct_catalogue_energy"
    )
    assert section.count("<tr>") == min(len(priced), OWN_MODELS_SHOWN) + 1
    total = sum(kwh for _, kwh in priced if kwh is not None)
    assert f"{fmt(total)} kWh per year" in section


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_every_figure_keeps_its_text_inside_and_its_legend_off_the_data(marts, name):
    fig = figures.FIGURES[name](marts)
    assert layout.layout_problems(fig) == []
    plt.close(fig)


def test_the_layout_check_sees_a_clipped_title_and_a_legend_over_points():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.scatter([0.1, 0.2], [0.9, 0.85], label="points")
    ax.set_title("A title far too long to fit in a figure three inches wide, clipped")
    ax.legend(loc="upper left")
    problems = layout.layout_problems(fig)
    assert any("clipped" in p for p in problems) and any("legend covers" in p for p in problems)
    plt.close(fig)


def test_the_references_have_a_page_of_their_own(warehouse):
    reports = warehouse.db_path.parent.parent / "reports"
    page = (reports / "index.html").read_text(encoding="utf-8")
    references = (reports / "references.html").read_text(encoding="utf-8")
    [(n,)] = warehouse.query("select count(*) from marts.dim_paper_references")
    assert references.count('<tr id="ref-') == n and 'href="index.html"' in references
    assert 'href="references.html"' in page and '<tr id="ref-' not in page
