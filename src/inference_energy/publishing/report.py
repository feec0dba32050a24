"""Static HTML report of the warehouse: the question, the 14 figures, key numbers with
their intervals, the validation against measured energy and the errata.

Reads only the marts. Plain HTML and CSS, no JavaScript: reports/index.html opens from disk.

    python -m inference_energy.publishing.report --db warehouse/inference_energy.duckdb --out reports \
        [--docs target/static_index.html]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import duckdb
import jinja2
import markupsafe

from inference_energy import REPO

from . import figures
from .report_tables import (
    calibration_rows,
    edge_device_rows,
    edge_system_rows,
    errata_rows,
    key_numbers,
    llm_example,
    llm_score_rows,
    out_of_sample_rows,
    own_model_rows,
    reference_rows,
    scenario_rows,
    sensitivity_summary,
    today_rows,
    validation_rows,
    validation_split_rows,
    verdict_headline,
    verdict_rows,
)

# The page is a Jinja2 template (Jinja2 ships with dbt); values are escaped by it.
TEMPLATES = Path(__file__).resolve().parent / "templates"
# the report's first table: GPUs launched within this many years of the newest one
TODAY_YEARS = 3

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.5; }
h1, h2 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; }
figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.9rem; color: #555; }
/* reproduction (our number equals the paper's) is not validity (the measurement lies inside
   our interval): only validity is green, so a reproduced estimate that misses is never green */
.status-reproduced { color: inherit; }
.valid-inside { color: #1a7f37; }
.valid-outside { color: #cf222e; font-weight: bold; }
.status-documented_erratum { color: #9a6700; }
.status-mismatch { color: #cf222e; font-weight: bold; }
.verdict-holds { color: #1a7f37; }
.verdict-weakened { color: #9a6700; }
.verdict-reversed { color: #cf222e; font-weight: bold; }
.verdict-inconclusive, .verdict-not_tested, .verdict-follows_from_another { color: #57606a; font-style: italic; }
code { background: #f4f4f4; padding: 0 0.2rem; }
"""


def figures_of(shown: list[tuple], section: str) -> list[dict]:
    """The figures of one report section, in order, with their captions (rows of dim_figures)."""
    return [{"name": name, "caption": caption} for in_section, name, caption in shown if in_section == section]


def docs_links(docs_dir: Path, report_dir: Path) -> dict[str, str]:
    """The docs pages (docs/*.md of the checkout), as links relative to where the report is
    published: label -> href."""
    if not docs_dir.is_dir():
        return {}
    base = os.path.relpath(docs_dir.resolve(), report_dir.resolve())
    return {
        "index of the docs" if page.stem == "README" else page.stem.replace("-", " "): f"{base}/{page.name}"
        for page in sorted(docs_dir.glob("*.md"))
    }


def build_report(
    db_path: str | Path,
    out_dir: str | Path,
    docs_page: str | Path | None = None,
    previous_dir: str | Path | None = None,
    docs_dir: Path = REPO / "docs",
    final_dir: Path | None = None,
) -> Path:
    """Write index.html and figures/ under out_dir; final_dir is where the build publishes the
    report (links to the docs pages are relative to it; default out_dir)."""
    out = Path(out_dir)
    marts = figures.load_marts(db_path)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        validation = con.execute("select * from marts.fct_energy_validation").df()
        coverage = con.execute("select * from marts.fct_energy_validation_coverage order by table_ref").df()
        validation_split = con.execute(
            "select * from marts.fct_energy_validation_by_group order by split_by desc, group_value"
        ).df()
        errata = con.execute("select * from marts.fct_paper_errata order by table_ref, erratum_id").df()
        conclusions = con.execute("select * from marts.fct_paper_conclusions_checked order by claim_id").df()
        out_of_sample = con.execute(
            "select * from marts.fct_gpu_out_of_sample_coverage order by paper_fit_role, paper_trend_id"
        ).df()
        calibration = con.execute("select * from marts.fct_calibration_scores").df()
        sensitivity = con.execute("select * from marts.fct_conclusion_sensitivity").df()
        edge_devices = con.execute(
            "select * from marts.fct_edge_accelerator_efficiency order by gops_per_watt desc"
        ).df()
        edge_systems = con.execute("select * from marts.fct_edge_system_energy order by joules_per_image").df()
        references = con.execute("select * from marts.dim_paper_references order by ref_number").df()
        # the figures and their captions, by section (seed figures, mart dim_figures)
        shown = con.execute(
            "select report_section, figure_id, caption from marts.dim_figures order by report_section, report_order"
        ).fetchall()
        # today's answer: the GPUs launched in the TODAY_YEARS years before the newest one, at MLPerf's
        # usual INT8 Offline (the serving format), so the table moves on as newer GPUs are added
        today = con.execute(
            f"""
            select p.benchmark, p.gpu_name, g.launch_date, p.is_gpu_measured, p.predicted_joules_per_sample,
                p.pred95_low_joules_per_sample, p.pred95_high_joules_per_sample
            from marts.fct_measured_energy_predictions as p
            inner join marts.dim_gpus as g on p.gpu_id = g.gpu_id
            where p.precision = 'int8' and p.scenario = 'offline'
                -- the system estimate_measured_joules assumes by default
                and p.n_accelerators = 8 and p.power_mode = 'MaxQ'
                and g.launch_date >= (select max(launch_date) from marts.dim_gpus) - interval {TODAY_YEARS} year
            order by p.benchmark desc, p.predicted_joules_per_sample, p.gpu_name
            """
        ).df()
        llm_scores = con.execute("select * from marts.fct_llm_calibration_scores").df()
        # the worked example of the LLM section: Llama 2 70B, 500 prompt and 300 generated tokens,
        # fp8 on an 8 x H200 server, MLPerf Server scenario (marts.estimate_llm_joules)
        [(llm_example_struct,)] = con.execute(
            "select marts.estimate_llm_joules(70, 70, 500, 300, 'h200_sxm', 'fp8', 'server')"
        ).fetchall()
        scenarios = con.execute("select * from marts.fct_usage_scenario_forecasts").df()
        # your own models: each line's estimate (the LLM serving model per request, else the
        # measured-system model, else the paper's method), dearest per year first
        own_models = con.execute(
            """
            select model_name,
                case when is_llm_line then 'LLM serving, per request'
                    when measured_system_joules is not null then 'measured-system'
                    else 'paper''s method' end as method,
                coalesce(llm_joules_per_request, measured_system_joules, paper_method_joules) as joules,
                inferences_per_day,
                coalesce(llm_kwh_per_year, measured_system_kwh_per_year, paper_method_kwh_per_year) as kwh_per_year,
                coalesce(llm_gco2e_per_year, measured_system_gco2e_per_year, paper_method_gco2e_per_year)
                    as gco2e_per_year,
                region_code,
                coalesce(is_outside_calibrated_range, is_efficiency_extrapolated) as is_extrapolated
            from marts.fct_catalogue_energy
            order by kwh_per_year desc nulls last, joules desc, line_number
            """
        ).df()
        [(n_priced, n_rejected)] = con.execute(
            "select (select count(*) from marts.fct_catalogue_energy), "
            "(select count(*) from marts.fct_catalogue_rejects)"
        ).fetchall()
    finally:
        con.close()

    # a figure is drawn again only when a mart it shows (or the figures' code) changed
    previous_figures = Path(previous_dir) / "figures" if previous_dir is not None else None
    reused = figures.render_or_reuse(marts, out / "figures", previous_figures)
    print(f"Figures: {len(figures.FIGURES) - len(reused)} drawn, {len(reused)} reused", file=sys.stderr)

    has_docs = docs_page is not None and Path(docs_page).exists()
    if has_docs and Path(docs_page).resolve() != (out / "docs" / "index.html").resolve():
        (out / "docs").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_page, out / "docs" / "index.html")

    fits = marts["fct_trend_fits"]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    page = environment.get_template("report.html.j2").render(
        css=markupsafe.Markup(CSS),
        today=today_rows(today),
        verdict_headline=verdict_headline(conclusions),
        docs=docs_links(docs_dir, final_dir or out),
        key_numbers=key_numbers(fits),
        growth={k: f"{v:.2f}" for k, v in fits.set_index("trend_id")["annual_growth_factor"].items()},
        figures=figures_of(shown, "paper"),
        extension_figures=figures_of(shown, "extension"),
        verdicts=verdict_rows(conclusions),
        out_of_sample=out_of_sample_rows(out_of_sample),
        calibration=calibration_rows(calibration),
        calibration_coverage_min=f"{100 * calibration['chosen_coverage_min'].iloc[0]:.0f} %",
        sensitivity=sensitivity_summary(sensitivity),
        sensitivity_figures=figures_of(shown, "sensitivity"),
        calibration_figures=figures_of(shown, "calibration"),
        llm_scores=llm_score_rows(llm_scores),
        llm_example=llm_example(llm_example_struct),
        llm_figures=figures_of(shown, "llm"),
        scenarios=scenario_rows(scenarios),
        footprint_figures=figures_of(shown, "footprint"),
        validation=validation_rows(validation),
        validation_split=validation_split_rows(validation_split),
        coverage=[
            {
                "table_ref": r["table_ref"],
                "n": int(r["n_measurements"]),
                "mean_ci95": f"{int(r['n_inside_mean_ci95'])} ({100 * r['share_inside_mean_ci95']:.0f} %)",
                "pred95": f"{int(r['n_inside_pred95'])} ({100 * r['share_inside_pred95']:.0f} %)",
            }
            for _, r in coverage.iterrows()
        ],
        errata=errata_rows(errata),
        edge_devices=edge_device_rows(edge_devices),
        edge_systems=edge_system_rows(edge_systems),
        references=reference_rows(references),
        catalogue={"priced": n_priced, "rejected": n_rejected, **own_model_rows(own_models)},
        has_docs=has_docs,
    )
    out.mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    # the 100-odd references on a page of their own: the report stays readable
    (out / "references.html").write_text(
        environment.get_template("references.html.j2").render(
            css=markupsafe.Markup(CSS), references=reference_rows(references)
        ),
        encoding="utf-8",
    )
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="DuckDB warehouse file to read")
    parser.add_argument("--out", required=True, help="output folder (index.html, figures/, docs/)")
    parser.add_argument("--docs", help="dbt's static docs page to copy next to the report")
    parser.add_argument(
        "--previous", help="the last published report (where it is published): its figures are reused if current"
    )
    args = parser.parse_args()
    final_dir = Path(args.previous) if args.previous else None
    index = build_report(args.db, args.out, args.docs, args.previous, final_dir=final_dir)
    print(f"Report written: {index}")


if __name__ == "__main__":
    main()
