"""Static HTML report of the warehouse: the question, the 14 figures, key numbers with
their intervals, the validation against measured energy and the errata.

Reads only the marts. Plain HTML and CSS, no JavaScript: reports/index.html opens from disk.

    python scripts/report.py --db warehouse/inference_energy.duckdb --out reports \
        [--docs target/static_index.html]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import duckdb
import figures
import jinja2
import markupsafe
import pandas as pd

# The page is a Jinja2 template (Jinja2 ships with dbt); values are escaped by it.
TEMPLATES = Path(__file__).resolve().parent / "templates"

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
.status-reproduced { color: #1a7f37; }
.status-documented_erratum { color: #9a6700; }
.status-mismatch { color: #cf222e; font-weight: bold; }
.verdict-holds { color: #1a7f37; }
.verdict-weakened { color: #9a6700; }
.verdict-reversed { color: #cf222e; font-weight: bold; }
code { background: #f4f4f4; padding: 0 0.2rem; }
"""

FIGURE_CAPTIONS = {
    "fig01_params_vs_flops": "Parameters vs GFLOPs of ImageNet models, with the Pearson correlation per family.",
    "fig02_accuracy_over_time": "ImageNet top-1 accuracy over time; bubble area grows with sqrt(GFLOPs) (legend).",
    "fig03_cv_gflops_over_time": "GFLOPs over time: dashed, the most accurate model of each year; solid, all.",
    "fig04_accuracy_vs_gflops": "Accuracy vs GFLOPs by year; the Pareto frontier in grey.",
    "fig05_glue_vs_gflops": "GLUE score vs GFLOPs of NLP models by year.",
    "fig06_nlp_gflops_over_time": "NLP GFLOPs over time: dashed, models most demanding when released; solid, all.",
    "fig07_theoretical_gpu_efficiency": "Theoretical GFLOPS/W of NVIDIA GPUs per precision (Table J.8).",
    "fig08_gpu_efficiency": "GFLOPS/W adapted for CNN and NLP inference (Table J.9), with the fits used for energy.",
    "fig09_cv_energy_over_time": "Joules per inference (CV): best-of-year and all-model fits, yearly mean dotted.",
    "fig10_nlp_energy_over_time": "Joules per inference (NLP): most-demanding and all-model fits, yearly mean dotted.",
    "fig11_accuracy_vs_energy": "Accuracy vs Joules (CV) by year; the Pareto frontier in grey.",
    "fig12_glue_vs_energy": "GLUE score vs Joules (NLP) by year; the Pareto frontier in grey.",
    "fig13_cv_energy_vs_humans": "Joules per inference (CV) against a person's energy use in one second.",
    "fig14_nlp_energy_vs_humans": "Joules per inference (NLP) against a person's energy use in one second.",
    "figG15_glue_over_time": "Appendix G: GLUE score over time; bubble area grows with sqrt(GFLOPs), see its legend.",
}
SENSITIVITY_FIGURE_CAPTIONS = {
    "figS1_conclusion_sensitivity": (
        "Each headline conclusion under every variant, relative to the paper's value (black diamond), "
        "with its 95 % interval: green where the paper's claim still holds, red where it does not."
    ),
}
EXTENSION_FIGURE_CAPTIONS = {
    "figE1_gpu_efficiency_to_2025": (
        "Dense datasheet GFLOPS/W of J.8 (filled) and 2020-2025 GPUs (open) by precision class, with the "
        "2012-2025 refit of each class; dashed, the paper's CV efficiency fit extrapolated, with its 95 % "
        "prediction band for one new GPU."
    ),
    "figE2_cv_energy_to_2025": (
        "Joules per inference of the paper's ImageNet models and those of 2021-2025, all with the refitted "
        "efficiency; dotted, the paper's best-of-year energy fit extrapolated."
    ),
    "figE3_nlp_energy_to_2025": "The same for NLP models with GLUE scores (the source material has none after 2021).",
    "figE4_llm_energy_per_token": (
        "Joules per generated token of decoder LLMs, from active parameters (2 FLOPs each), with the refitted "
        "NLP efficiency; crosses mark mixture-of-experts models."
    ),
}
CALIBRATION_FIGURE_CAPTIONS = {
    "figE5_measured_vs_datasheet": (
        "MLPerf measured Joules per sample (whole system at the wall) against the datasheet estimate, by "
        "benchmark and precision, with the identity line and the calibrated prediction for every GPU."
    ),
    "figE6_measured_energy_over_time": (
        "Joules per sample by GPU launch date: MLPerf measurements, the paper's trend (Eq. 2) read at each "
        "GPU's date, and the calibrated INT8 Offline prediction of every GPU with its 95 % prediction interval."
    ),
}
METHOD_LABELS = {"paper_method": "Paper's method (trend at launch date)", "datasheet_method": "Datasheet peak"}


def _fmt(value, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "\u2013"
    if isinstance(value, (int, float)):
        return f"{value:.{digits}g}" if abs(value) >= 1e4 or abs(value) < 1e-3 else f"{value:.{digits}f}"
    return str(value)


def key_numbers(fits: pd.DataFrame) -> list[dict]:
    """Rows of the key-numbers table: the trends seed trend_definitions gives a report label."""
    shown = fits[fits["report_label"].notna()].sort_values("report_order")
    rows = []
    for _, fit in shown.iterrows():
        if pd.notna(fit["doubling_time_years_ci95_low"]):
            doubling = (
                f"{fit['doubling_time_years']:.2f} [{fit['doubling_time_years_ci95_low']:.2f}, "
                f"{fit['doubling_time_years_ci95_high']:.2f}]"
            )
        else:
            doubling = f"{fit['doubling_time_years']:.2f} (interval spans 0)"
        rows.append(
            {
                "label": fit["report_label"],
                "n_points": int(fit["n_points"]),
                "growth": f"{fit['annual_growth_factor']:.2f} [{fit['annual_growth_factor_ci95_low']:.2f}, "
                f"{fit['annual_growth_factor_ci95_high']:.2f}]",
                "doubling": doubling,
                "r_squared": f"{fit['r_squared']:.2f}",
            }
        )
    return rows


def verdict_rows(conclusions: pd.DataFrame) -> list[dict]:
    """Rows of the verdict table (fct_paper_conclusions_checked), growth factors with intervals."""

    def factor(row, prefix):
        return (
            f"x{row[prefix + '_annual_growth_factor']:.2f} [{row[prefix + '_annual_growth_factor_ci95_low']:.2f}, "
            f"{row[prefix + '_annual_growth_factor_ci95_high']:.2f}]"
        )

    return [
        {
            "claim": r["claim"],
            "reference": r["paper_reference"],
            "paper": factor(r, "paper")
            + f" ({r['paper_first_date']:%Y}-{r['paper_last_date']:%Y}, n={r['paper_n_points']})",
            "extended": factor(r, "extended")
            + f" ({r['extended_first_date']:%Y}-{r['extended_last_date']:%Y}, n={r['extended_n_points']})",
            "verdict": r["verdict"],
            "reason": r["verdict_reason"],
        }
        for _, r in conclusions.iterrows()
    ]


def out_of_sample_rows(coverage: pd.DataFrame) -> list[dict]:
    """Rows of the out-of-sample table, as fct_gpu_out_of_sample_coverage computes them."""
    return [
        {
            "trend": r["paper_trend_id"],
            "role": r["paper_fit_role"].replace("_", " "),
            "n": int(r["n_peaks"]),
            "inside": int(r["n_inside_pred95"]),
            "n_after": int(r["n_after_fit_data"]),
            "inside_after": int(r["n_after_fit_data_inside_pred95"]),
            "median_ratio": f"{r['median_datasheet_to_fit_ratio']:.2f}",
        }
        for _, r in coverage.iterrows()
    ]


def sensitivity_summary(sensitivity: pd.DataFrame) -> dict:
    """Which conclusions survive every variant, in words computed from the mart."""
    per = sensitivity.groupby(["conclusion_id", "conclusion"], sort=True).agg(
        survives=("survives_every_variant", "first"),
        holding=("n_variants_holding", "first"),
        total=("n_variants", "first"),
    )
    failing = sensitivity[~sensitivity["claim_holds"]].groupby("conclusion_id")["variant_id"].apply(list)
    return {
        "survivors": [name for (_, name), r in per.iterrows() if r["survives"]],
        "fragile": [
            f"{name} (holds under {r['holding']} of {r['total']} variants; not under {', '.join(failing.get(cid, []))})"
            for (cid, name), r in per.iterrows()
            if not r["survives"]
        ],
        "n_variants": int(per["total"].min()),
    }


def calibration_rows(scores: pd.DataFrame) -> list[dict]:
    """The three methods on the calibration points: the two estimates and the chosen calibration
    held out by GPU and by round."""
    shown = scores[scores["candidate_id"].isna() | scores["is_chosen"]].sort_values(["median_abs_log10_error"])
    return [
        {
            "method": METHOD_LABELS.get(r["method"], f"Calibrated ({r['candidate_id']})"),
            "scheme": r["scheme"].replace("_", " "),
            "n": int(r["n_predictions"]),
            "median_error": f"{r['median_abs_log10_error']:.3f} (x{10 ** r['median_abs_log10_error']:.2f})",
            "coverage": "\u2013" if pd.isna(r["pred95_coverage"]) else f"{100 * r['pred95_coverage']:.0f} %",
        }
        for _, r in shown.iterrows()
    ]


def validation_rows(validation: pd.DataFrame) -> list[dict]:
    ordered = validation.sort_values(["table_ref", "architecture", "gpu_name", "precision"])
    return [
        {
            "table_ref": r["table_ref"],
            "architecture": r["architecture"],
            "gpu_name": r["gpu_name"],
            "precision": r["precision"],
            "measured": _fmt(r["measured_joules"], 4),
            "published": _fmt(r["published_estimate_joules"], 4),
            "estimate": f"{r['estimated_joules']:.4f} "
            f"[{r['estimated_joules_mean_ci95_low']:.4f}, {r['estimated_joules_mean_ci95_high']:.4f}]",
            "pred95": f"[{r['estimated_joules_pred95_low']:.4f}, {r['estimated_joules_pred95_high']:.4f}]",
            "ratio": f"{r['measured_to_estimated_ratio']:.2f}",
            "inside": "yes" if r["is_measured_inside_pred95"] else "no",
            "status": r["status"],
        }
        for _, r in ordered.iterrows()
    ]


def errata_rows(errata: pd.DataFrame) -> list[dict]:
    return [
        {
            "table_ref": r["table_ref"],
            "row_label": r["row_label"],
            "printed_value": str(r["printed_value"]),
            "derived": _fmt(r["derived_value"], 4),
            "explanation": r["explanation"],
        }
        for _, r in errata.iterrows()
    ]


def edge_device_rows(devices: pd.DataFrame) -> list[dict]:
    return [
        {
            "device": r["device_name"],
            "year": "" if pd.isna(r["release_year"]) else int(r["release_year"]),
            "type": r["device_type"],
            "gops_per_watt": _fmt(r["gops_per_watt"]),
            "best_gpu": "" if pd.isna(r["best_gpu_id"]) else r["best_gpu_id"],
            "best_gpu_gflops_per_watt": _fmt(r["best_gpu_tensor_gflops_per_watt"]),
            "ratio": _fmt(r["ratio_to_best_gpu"]),
        }
        for _, r in devices.iterrows()
    ]


def edge_system_rows(systems: pd.DataFrame) -> list[dict]:
    return [
        {
            "system": r["system_name"],
            "year": "" if pd.isna(r["launch_year"]) else int(r["launch_year"]),
            "images_per_second": _fmt(r["resnet50_images_per_second"], 5),
            "watts": _fmt(r["watts"]),
            "joules": _fmt(r["joules_per_image"]),
            "printed": _fmt(r["published_joules_per_image"]),
        }
        for _, r in systems.iterrows()
    ]


def reference_rows(references: pd.DataFrame) -> list[dict]:
    return [
        {
            "number": int(r["ref_number"]),
            "authors": r["authors"],
            "title": r["title"],
            "year": int(r["publication_year"]),
            "venue": "" if pd.isna(r["venue"]) else r["venue"],
            "link": None if pd.isna(r["link"]) else r["link"],
            "cited": int(r["n_cited_values"]),
        }
        for _, r in references.iterrows()
    ]


def build_report(
    db_path: str | Path,
    out_dir: str | Path,
    docs_page: str | Path | None = None,
    previous_dir: str | Path | None = None,
) -> Path:
    out = Path(out_dir)
    marts = figures.load_marts(db_path)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        validation = con.execute("select * from marts.fct_energy_validation").df()
        coverage = con.execute("select * from marts.fct_energy_validation_coverage order by table_ref").df()
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
        key_numbers=key_numbers(fits),
        growth={k: f"{v:.2f}" for k, v in fits.set_index("trend_id")["annual_growth_factor"].items()},
        figures=[{"name": name, "caption": caption} for name, caption in FIGURE_CAPTIONS.items()],
        extension_figures=[{"name": name, "caption": caption} for name, caption in EXTENSION_FIGURE_CAPTIONS.items()],
        verdicts=verdict_rows(conclusions),
        out_of_sample=out_of_sample_rows(out_of_sample),
        calibration=calibration_rows(calibration),
        sensitivity=sensitivity_summary(sensitivity),
        sensitivity_figures=[
            {"name": name, "caption": caption} for name, caption in SENSITIVITY_FIGURE_CAPTIONS.items()
        ],
        calibration_figures=[
            {"name": name, "caption": caption} for name, caption in CALIBRATION_FIGURE_CAPTIONS.items()
        ],
        validation=validation_rows(validation),
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
        catalogue={"priced": n_priced, "rejected": n_rejected},
        has_docs=has_docs,
    )
    out.mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="DuckDB warehouse file to read")
    parser.add_argument("--out", required=True, help="output folder (index.html, figures/, docs/)")
    parser.add_argument("--docs", help="dbt's static docs page to copy next to the report")
    parser.add_argument("--previous", help="the last published report: its figures are reused if still current")
    args = parser.parse_args()
    index = build_report(args.db, args.out, args.docs, args.previous)
    print(f"Report written: {index}")


if __name__ == "__main__":
    main()
