"""Static HTML report of the warehouse: the question, the 14 figures, key numbers with
their intervals, the validation against measured energy and the errata.

Reads only the marts. Plain HTML and CSS, no JavaScript: reports/index.html opens from disk.

    python scripts/report.py --db warehouse/inference_energy.duckdb --out reports \
        [--docs target/static_index.html]
"""

from __future__ import annotations

import argparse
import html
import shutil
from pathlib import Path

import duckdb
import figures
import pandas as pd

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
code { background: #f4f4f4; padding: 0 0.2rem; }
"""

FIGURE_CAPTIONS = {
    "fig01_params_vs_flops": "Parameters vs GFLOPs of ImageNet models, with the Pearson correlation per family.",
    "fig02_accuracy_over_time": "ImageNet top-1 accuracy over time; bubble area grows with GFLOPs.",
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
    "figG15_glue_over_time": "Appendix G: GLUE score over time; bubble area grows with GFLOPs.",
}

KEY_TRENDS = [
    ("gpu_efficiency_cv", "GPU efficiency for CNN inference (GFLOPS/W)"),
    ("gpu_efficiency_nlp", "GPU efficiency for NLP inference (GFLOPS/W)"),
    ("compute_cv_best_of_year", "GFLOPs, most accurate CV model of each year"),
    ("compute_cv_all", "GFLOPs, all CV models"),
    ("compute_nlp_most_demanding", "GFLOPs, most demanding NLP models"),
    ("compute_nlp_all", "GFLOPs, all NLP models"),
    ("energy_cv_best_of_year", "Joules per inference, most accurate CV model of each year"),
    ("energy_cv_all", "Joules per inference, all CV models"),
    ("energy_nlp_most_demanding", "Joules per inference, most demanding NLP models"),
    ("energy_nlp_all", "Joules per inference, all NLP models"),
]


def _fmt(value, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "&ndash;"
    if isinstance(value, (int, float)):
        return f"{value:.{digits}g}" if abs(value) >= 1e4 or abs(value) < 1e-3 else f"{value:.{digits}f}"
    return html.escape(str(value))


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>" for i, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def key_numbers_table(fits: pd.DataFrame) -> str:
    by_id = fits.set_index("trend_id")
    rows = []
    for trend_id, label in KEY_TRENDS:
        if trend_id not in by_id.index:
            continue
        fit = by_id.loc[trend_id]
        rows.append(
            [
                html.escape(label),
                f"{int(fit['n_points'])}",
                f"{fit['annual_growth_factor']:.2f} [{fit['annual_growth_factor_ci95_low']:.2f}, "
                f"{fit['annual_growth_factor_ci95_high']:.2f}]",
                (
                    f"{fit['doubling_time_years']:.2f} [{fit['doubling_time_years_ci95_low']:.2f}, "
                    f"{fit['doubling_time_years_ci95_high']:.2f}]"
                )
                if pd.notna(fit["doubling_time_years_ci95_low"])
                else f"{fit['doubling_time_years']:.2f} (interval spans 0)",
                f"{fit['r_squared']:.2f}",
            ]
        )
    return _table(
        ["Trend", "n", "Growth per year [95 % CI]", "Doubling time, years [95 % CI]", "R²"], rows, numeric={1, 4}
    )


def energy_growth_sentence(fits: pd.DataFrame) -> str:
    """The paper's conclusion, in this build's numbers."""
    growth = fits.set_index("trend_id")["annual_growth_factor"]
    return (
        "<p>Energy per inference of the most accurate ImageNet model of each year grows "
        f"x{growth['energy_cv_best_of_year']:.2f} per year; over all ImageNet models it grows "
        f"x{growth['energy_cv_all']:.2f} per year. For NLP: x{growth['energy_nlp_most_demanding']:.2f} "
        f"for the models most demanding when released, x{growth['energy_nlp_all']:.2f} for all. The "
        "paper's reading: cutting-edge models keep getting costlier, while the efficient models that "
        "follow a breakthrough keep general-use inference cheap.</p>"
    )


def validation_table(validation: pd.DataFrame) -> str:
    rows = []
    for _, r in validation.sort_values(["table_ref", "architecture", "gpu_name", "precision"]).iterrows():
        rows.append(
            [
                html.escape(r["table_ref"]),
                html.escape(r["architecture"]),
                html.escape(r["gpu_name"]),
                html.escape(r["precision"]),
                _fmt(r["measured_joules"], 4),
                _fmt(r["published_estimate_joules"], 4),
                f"{r['estimated_joules']:.4f} "
                f"[{r['estimated_joules_ci95_low']:.4f}, {r['estimated_joules_ci95_high']:.4f}]",
                f'<span class="status-{html.escape(r["status"])}">{html.escape(r["status"])}</span>',
            ]
        )
    return _table(
        [
            "Table",
            "Architecture",
            "GPU",
            "Precision",
            "Measured J",
            "Paper's estimate J",
            "Our estimate J [95 % CI]",
            "Status",
        ],
        rows,
        numeric={4, 5, 6},
    )


def errata_table(errata: pd.DataFrame) -> str:
    rows = [
        [
            html.escape(r["table_ref"]),
            html.escape(r["row_key"]),
            html.escape(str(r["printed_value"])),
            _fmt(r["derived_value"], 4),
            html.escape(r["explanation"]),
        ]
        for _, r in errata.iterrows()
    ]
    return _table(["Table", "Row", "Printed", "Derived", "Explanation"], rows, numeric={2, 3})


def build_report(db_path: str | Path, out_dir: str | Path, docs_page: str | Path | None = None) -> Path:
    out = Path(out_dir)
    marts = figures.load_marts(db_path)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        validation = con.execute("select * from marts.fct_energy_validation").df()
        errata = con.execute("select * from marts.fct_paper_errata order by table_ref, erratum_id").df()
    finally:
        con.close()

    figure_dir = out / "figures"
    figures.render_all(marts, figure_dir)

    docs_link = ""
    if docs_page is not None and Path(docs_page).exists():
        (out / "docs").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_page, out / "docs" / "index.html")
        docs_link = '<p>Every model, column and test is documented in the <a href="docs/index.html">dbt docs</a>.</p>'

    figure_html = "\n".join(
        f'<figure id="{name}"><img src="figures/{name}.png" alt="{html.escape(caption)}">'
        f'<figcaption>{html.escape(caption)} (<a href="figures/{name}.svg">SVG</a>)</figcaption></figure>'
        for name, caption in FIGURE_CAPTIONS.items()
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Trends in AI inference energy consumption: reproduction</title>
<style>{CSS}</style>
</head>
<body>
<h1>Trends in AI inference energy consumption</h1>
<p>A reproduction, computed end to end in a dbt + DuckDB warehouse, of Desislavov,
Martínez-Plumed and Hernández-Orallo (2023), <em>Trends in AI inference energy consumption:
Beyond the performance-vs-parameter laws of deep learning</em>.</p>

<h2>The question</h2>
<p>Deep-learning models grow exponentially in size. Does the energy of <strong>one inference</strong>
grow as fast? The energy of a forward pass is estimated as the model's FLOPs divided by the GPU
efficiency (FLOPS per Watt) expected at the model's release date, from a log-linear trend of
NVIDIA GPUs adapted to CNN and NLP workloads with measured mixed-precision speed-ups.</p>

<h2>Key numbers</h2>
{key_numbers_table(marts["fct_trend_fits"])}
{energy_growth_sentence(marts["fct_trend_fits"])}

<h2>Figures</h2>
{figure_html}

<h2>Validation against measured energy (Tables K.10 and K.11)</h2>
{validation_table(validation)}

<h2>Errata: printed numbers that do not follow from the paper's own inputs</h2>
{errata_table(errata)}

<h2>How to reproduce</h2>
<p>From a clone of the repository: <code>./scripts/build</code> (creates the environment, builds the
warehouse, tests it, and writes this report) and <code>./scripts/test</code> (the full test suite).
Every number above is computed from the curated tables of the paper in <code>seeds/paper/</code>.</p>
{docs_link}
</body>
</html>
"""
    out.mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="DuckDB warehouse file to read")
    parser.add_argument("--out", required=True, help="output folder (index.html, figures/, docs/)")
    parser.add_argument("--docs", help="dbt's static docs page to copy next to the report")
    args = parser.parse_args()
    index = build_report(args.db, args.out, args.docs)
    print(f"Report written: {index}")


if __name__ == "__main__":
    main()
