"""Figures 1-14 of the paper, and E1-E4 beyond it, drawn from the warehouse's marts only.

Each `figNN_*` function takes the marts (a dict of DataFrames from `load_marts`) and
returns a matplotlib Figure; nothing here recomputes what a mart holds: fit lines and
their intervals are the rows of fct_trend_lines (computed in SQL by macro
trend_value_at), the cutting edge of each domain is fct_inference_energy.is_cutting_edge.
`render_all` writes every figure as PNG and SVG.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import shutil
import signal
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator, NullFormatter  # noqa: E402

MARTS = (
    "fct_inference_energy",
    "fct_extended_inference_energy",
    "fct_gpu_datasheet_peaks",
    "fct_measured_vs_estimated",
    "fct_conclusion_sensitivity",
    "fct_measured_energy_predictions",
    "dim_gpus",
    "fct_trend_fits",
    "fct_trend_lines",
    "fct_gpu_efficiency",
    "fct_yearly_mean_energy",
    "fct_human_energy_comparison",
    "fct_params_flops_correlations",
)

FIGSIZE = (7.0, 4.6)
YEAR_CMAP = "viridis"
ARCHITECTURE_COLOURS = {"CNN": "tab:blue", "Transformer": "tab:orange", "Hybrid": "tab:green", "BiLSTM": "tab:purple"}
HUMAN_REFERENCES = {
    "internal_food_energy": ("Human internal consumption (1 s)", "tab:red"),
    "external_energy_usa_2019": ("Human external consumption (1 s)", "tab:brown"),
}


def load_marts(db_path: str | Path) -> dict[str, pd.DataFrame]:
    """Read the marts the figures use (read-only; the connection is closed again)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {name: con.execute(f"select * from marts.{name}").df() for name in MARTS}
    finally:
        con.close()


# --- helpers --------------------------------------------------------------------------


def _dates(values) -> np.ndarray:
    return mdates.date2num(pd.to_datetime(pd.Series(values)).dt.to_pydatetime())


def _fit(marts: dict[str, pd.DataFrame], trend_id: str) -> pd.Series:
    fits = marts["fct_trend_fits"].set_index("trend_id")
    if trend_id not in fits.index:
        raise KeyError(f"fct_trend_fits has no trend {trend_id!r}")
    return fits.loc[trend_id]


def _plot_trend(
    ax, marts, trend_id: str, style: str, colour: str, label: str, line_span: str = "fit", band: str = "mean_ci95"
) -> None:
    fit = _fit(marts, trend_id)
    lines = marts["fct_trend_lines"]
    line = lines[(lines["trend_id"] == trend_id) & (lines["line_span"] == line_span)].sort_values("point_index")
    x = _dates(line["line_date"])
    ax.plot(
        x,
        line["fitted_value"],
        style,
        color=colour,
        linewidth=1.8,
        label=f"{label} (x{fit['annual_growth_factor']:.2f}/year)",
    )
    ax.fill_between(
        x,
        line[f"fitted_value_{band}_low"],
        line[f"fitted_value_{band}_high"],
        color=colour,
        alpha=0.15 if band == "mean_ci95" else 0.08,
        linewidth=0,
    )


def _date_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Release date")


def _new(title: str) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    ax.set_title(title, fontsize=11)
    ax.grid(True, which="major", alpha=0.3)
    return fig, ax


def _year_colourbar(fig, ax, scatter) -> None:
    bar = fig.colorbar(scatter, ax=ax, pad=0.01, ticks=MaxNLocator(integer=True))
    bar.set_label("Release year")


def _log_x_without_minor_labels(ax, plain_ticks: tuple[float, ...] = ()) -> None:
    # Over less than two decades matplotlib labels minor ticks too, and they collide;
    # plain_ticks replaces them with a few readable values.
    ax.set_xscale("log")
    ax.xaxis.set_minor_formatter(NullFormatter())
    if plain_ticks:
        ax.set_xticks(plain_ticks, [f"{tick:g}" for tick in plain_ticks])


LABEL_OFFSETS = [(7, -3), (7, 7), (-8, -3), (7, -13), (-8, 9), (7, 16), (-8, -15), (7, -22), (7, 26), (7, -32)]
# a label further than this (points) from its point gets a leader line to it
LEADER_LINE_DISTANCE = 12


def _label_points(ax, xs, ys, labels) -> None:
    """Label points, trying a few offsets so that no two labels overlap; a label that had to
    move away from its point is joined to it by a thin leader line."""
    renderer = ax.figure.canvas.get_renderer()
    placed = []
    for x, y, text in zip(xs, ys, labels, strict=True):
        for dx, dy in LABEL_OFFSETS:
            far = (dx * dx + dy * dy) ** 0.5 > LEADER_LINE_DISTANCE
            annotation = ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=7,
                ha="left" if dx > 0 else "right",
                va="center",
                arrowprops={"arrowstyle": "-", "lw": 0.5, "color": "0.35", "shrinkA": 1, "shrinkB": 2} if far else None,
            )
            box = annotation.get_window_extent(renderer).expanded(1.05, 1.15)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            annotation.remove()
        else:  # no free spot: keep the first choice rather than drop the label
            annotation = ax.annotate(text, (x, y), xytext=LABEL_OFFSETS[0], textcoords="offset points", fontsize=7)
            placed.append(annotation.get_window_extent(renderer))


def _models(marts, domain: str) -> pd.DataFrame:
    models = marts["fct_inference_energy"]
    return models[models["domain"] == domain].copy()


def _frontier(ax, points: pd.DataFrame, cost: str, flag: str) -> None:
    front = points[points[flag]].sort_values(cost)
    ax.step(
        front[cost],
        front["performance_score"],
        where="post",
        color="grey",
        linewidth=2.2,
        alpha=0.6,
        zorder=1,
        label="Pareto frontier",
    )


# --- Figures ---------------------------------------------------------------------------


def fig01_params_vs_flops(marts):
    fig, ax = _new("Fig. 1. Parameters and GFLOPs of ImageNet models")
    cv = _models(marts, "cv").dropna(subset=["params_millions", "gflops"])
    corr = marts["fct_params_flops_correlations"]
    corr = corr[corr["method"] == "pearson_raw"].set_index("architecture")["correlation_coefficient"]
    for arch, group in cv.groupby("architecture"):
        label = f"{arch} (r = {corr[arch]:.3f})" if arch in corr.index else arch
        ax.scatter(
            group["params_millions"],
            group["gflops"],
            s=22,
            color=ARCHITECTURE_COLOURS.get(arch),
            label=label,
            alpha=0.8,
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Parameters (millions, log scale)")
    ax.set_ylabel("GFLOPs per forward pass (log scale)")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def _bubble_sizes(gflops, largest: float):
    """Marker area (points^2) for a GFLOPs value: grows with the square root of GFLOPs."""
    return 8 + 600 * np.sqrt(np.asarray(gflops, dtype=float) / largest)


def _size_legend(ax, largest: float, loc: str) -> None:
    """A legend of bubble sizes in GFLOPs, so that the area can be read."""
    steps = [v for v in (1, 10, 100, 1000, 10000) if v <= largest] or [largest]
    handles = [
        ax.scatter([], [], s=_bubble_sizes(v, largest), color="grey", alpha=0.4, edgecolors="k", linewidths=0.3)
        for v in steps
    ]
    legend = ax.legend(
        handles, [f"{v:g} GFLOPs" for v in steps], loc=loc, fontsize=7, labelspacing=1.6, borderpad=1.0, framealpha=0.8
    )
    ax.add_artist(legend)


def fig02_accuracy_over_time(marts):
    fig, ax = _new("Fig. 2. ImageNet top-1 accuracy over time (bubble area grows with sqrt GFLOPs)")
    cv = _models(marts, "cv").dropna(subset=["top1_accuracy_pct", "gflops"])
    sizes = _bubble_sizes(cv["gflops"], cv["gflops"].max())
    scatter = ax.scatter(
        _dates(cv["release_date"]),
        cv["top1_accuracy_pct"],
        s=sizes,
        c=cv["release_year"],
        cmap=YEAR_CMAP,
        alpha=0.55,
        edgecolors="k",
        linewidths=0.3,
    )
    _date_axis(ax)
    ax.set_ylabel("Top-1 accuracy (%)")
    _size_legend(ax, cv["gflops"].max(), "lower right")
    _year_colourbar(fig, ax, scatter)
    return fig


CUTTING_EDGE_LABELS = {"best_of_year": "Most accurate of its year", "most_demanding": "Most demanding when released"}


def _over_time(marts, domain, quantity, title, ylabel, yearly_mean=False):
    fig, ax = _new(title)
    models = _models(marts, domain).dropna(subset=[quantity])
    other = models[~models["is_cutting_edge"]]
    edge = models[models["is_cutting_edge"]]
    # the rule of the domain's cutting edge lives in the warehouse (int_models_flagged)
    cutting_edge_trend = models["cutting_edge_rule"].iloc[0]
    cutting_edge_label = CUTTING_EDGE_LABELS[cutting_edge_trend]
    ax.scatter(_dates(other["release_date"]), other[quantity], s=18, color="tab:blue", alpha=0.55, label="Models")
    ax.scatter(
        _dates(edge["release_date"]), edge[quantity], s=34, color="tab:red", marker="D", label=cutting_edge_label
    )
    prefix = "compute" if quantity == "gflops" else "energy"
    # energy figures (9, 10, 13, 14) shade where one new model would fall (pred95)
    band = "pred95" if prefix == "energy" else "mean_ci95"
    band_label = " (band: pred95)" if prefix == "energy" else ""
    _plot_trend(
        ax,
        marts,
        f"{prefix}_{domain}_{cutting_edge_trend}",
        "--",
        "tab:red",
        "Fit, " + cutting_edge_label.lower() + band_label,
        band=band,
    )
    _plot_trend(ax, marts, f"{prefix}_{domain}_all", "-", "tab:blue", "Fit, all models" + band_label, band=band)
    if domain == "nlp" and quantity == "joules_per_inference":
        # name the models on the cutting edge (GPT-3 and its predecessors), so they can be found
        named = edge.sort_values("release_date")
        _label_points(ax, _dates(named["release_date"]), named[quantity], named["model_name"])
    if yearly_mean:
        yearly = marts["fct_yearly_mean_energy"]
        yearly = yearly[yearly["domain"] == domain].sort_values("release_year")
        mid_year = [date(int(y), 7, 1) for y in yearly["release_year"]]
        ax.plot(_dates(mid_year), yearly["mean_joules_per_inference"], ":", color="k", marker=".", label="Yearly mean")
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def fig03_cv_gflops_over_time(marts):
    return _over_time(
        marts,
        "cv",
        "gflops",
        "Fig. 3. GFLOPs of ImageNet models over time",
        "GFLOPs per forward pass (log scale)",
    )


def fig04_accuracy_vs_gflops(marts):
    fig, ax = _new("Fig. 4. Top-1 accuracy vs GFLOPs (ImageNet)")
    cv = _models(marts, "cv").dropna(subset=["performance_score", "gflops"])
    _frontier(ax, cv, "gflops", "is_pareto_optimal_gflops")
    for extra, marker, label in [(False, "o", "ImageNet-1k only"), (True, "^", "Extra training data")]:
        group = cv[cv["has_extra_data"].fillna(False) == extra]
        scatter = ax.scatter(
            group["gflops"],
            group["performance_score"],
            c=group["release_year"],
            cmap=YEAR_CMAP,
            vmin=cv["release_year"].min(),
            vmax=cv["release_year"].max(),
            marker=marker,
            s=30,
            edgecolors="k",
            linewidths=0.3,
            label=label,
            zorder=2,
        )
    ax.set_xscale("log")
    ax.set_xlabel("GFLOPs per forward pass (log scale)")
    ax.set_ylabel("Top-1 accuracy (%)")
    ax.legend(loc="lower right", fontsize=8)
    _year_colourbar(fig, ax, scatter)
    return fig


def fig05_glue_vs_gflops(marts):
    fig, ax = _new("Fig. 5. GLUE score vs GFLOPs (NLP, 128-token inputs)")
    nlp = _models(marts, "nlp").dropna(subset=["performance_score", "gflops"])
    scatter = ax.scatter(
        nlp["gflops"],
        nlp["performance_score"],
        c=nlp["release_year"],
        cmap=YEAR_CMAP,
        s=40,
        edgecolors="k",
        linewidths=0.3,
    )
    _log_x_without_minor_labels(ax, plain_ticks=(3, 5, 10, 20, 50, 100))
    ax.set_xlabel("GFLOPs per forward pass (log scale)")
    ax.set_ylabel("GLUE score")
    _year_colourbar(fig, ax, scatter)
    ordered = nlp.sort_values("performance_score", ascending=False)
    _label_points(ax, ordered["gflops"], ordered["performance_score"], ordered["model_name"])
    return fig


def figG15_glue_over_time(marts):
    fig, ax = _new("Fig. G.15. GLUE score over time (bubble area grows with sqrt GFLOPs)")
    nlp = _models(marts, "nlp").dropna(subset=["performance_score", "gflops"])
    sizes = _bubble_sizes(nlp["gflops"], nlp["gflops"].max())
    ax.scatter(
        _dates(nlp["release_date"]),
        nlp["performance_score"],
        s=sizes,
        color="tab:orange",
        alpha=0.55,
        edgecolors="k",
        linewidths=0.3,
    )
    # room on the right for the labels of the 2020 models
    first, last = pd.to_datetime(nlp["release_date"]).min(), pd.to_datetime(nlp["release_date"]).max()
    ax.set_xlim(_dates([first - pd.Timedelta(days=60), last + pd.Timedelta(days=200)]))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_xlabel("Release date")
    ax.set_ylabel("GLUE score")
    ordered = nlp.sort_values(["release_date", "performance_score"], ascending=[True, False])
    _label_points(ax, _dates(ordered["release_date"]), ordered["performance_score"], ordered["model_name"])
    _size_legend(ax, nlp["gflops"].max(), "lower right")
    return fig


def fig06_nlp_gflops_over_time(marts):
    fig = _over_time(
        marts,
        "nlp",
        "gflops",
        "Fig. 6. GFLOPs of NLP models over time",
        "GFLOPs per forward pass (log scale)",
    )
    ax = fig.axes[0]
    nlp = _models(marts, "nlp")
    for _, row in nlp[nlp["input_tokens"] != 128].iterrows():
        ax.annotate(
            f"{int(row['input_tokens'])} tok",
            (_dates([row["release_date"]])[0], row["gflops"]),
            fontsize=7,
            xytext=(4, -9),
            textcoords="offset points",
            color="dimgrey",
        )
    return fig


def fig07_theoretical_gpu_efficiency(marts):
    fig, ax = _new("Fig. 7. Theoretical NVIDIA GPU GFLOPS per Watt (Table J.8)")
    gpus = marts["fct_gpu_efficiency"]
    gpus = gpus[gpus["adapted_for"] == "none"]
    colours = {"fp32": "tab:blue", "fp16": "tab:green", "fp16_fp32_tensor": "tab:red"}
    labels = {"fp32": "FP32", "fp16": "FP16", "fp16_fp32_tensor": "FP16/FP32 tensor"}
    for precision, colour in colours.items():
        group = gpus[gpus["precision"] == precision]
        ax.scatter(
            _dates(group["launch_date"]),
            group["gflops_per_watt"],
            s=24,
            color=colour,
            label=labels[precision],
            alpha=0.8,
        )
        _plot_trend(ax, marts, f"gpu_theoretical_{precision}", "-", colour, f"Fit {labels[precision]}")
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS per Watt (log scale)")
    ax.legend(loc="upper left", fontsize=7, ncol=2)
    return fig


def fig08_gpu_efficiency(marts):
    fig, ax = _new("Fig. 8. GPU GFLOPS per Watt adapted for CV (CNN) and NLP (Table J.9)")
    gpus = marts["fct_gpu_efficiency"]
    for domain, flag, colour, offset in [
        ("cv", "is_cv_fit_point", "tab:blue", 0),
        ("nlp", "is_nlp_fit_point", "tab:orange", 1),
    ]:
        points = gpus[gpus[flag]]
        fp32 = points[points["precision"] == "fp32"]
        measured = points[points["precision"].isin(["mixed", "tf32"])]
        if offset == 0:
            ax.scatter(
                _dates(fp32["launch_date"]),
                fp32["gflops_per_watt"],
                s=20,
                color="grey",
                alpha=0.7,
                label="FP32 peak (both fits)",
            )
        ax.scatter(
            _dates(measured["launch_date"]),
            measured["gflops_per_watt"],
            s=46,
            color=colour,
            marker="*",
            label=f"Mixed / TF32, adapted for {domain.upper()}",
        )
        _plot_trend(ax, marts, f"gpu_efficiency_{domain}", "-", colour, f"Fit {domain.upper()}")
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS per Watt (log scale)")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def fig09_cv_energy_over_time(marts):
    return _over_time(
        marts,
        "cv",
        "joules_per_inference",
        "Fig. 9. Estimated Joules per forward pass (CV)",
        "Joules per inference (log scale)",
        yearly_mean=True,
    )


def fig10_nlp_energy_over_time(marts):
    return _over_time(
        marts,
        "nlp",
        "joules_per_inference",
        "Fig. 10. Estimated Joules per forward pass (NLP)",
        "Joules per inference (log scale)",
        yearly_mean=True,
    )


def _score_vs_energy(marts, domain, title, ylabel):
    fig, ax = _new(title)
    models = _models(marts, domain).dropna(subset=["performance_score", "joules_per_inference"])
    _frontier(ax, models, "joules_per_inference", "is_pareto_optimal")
    scatter = ax.scatter(
        models["joules_per_inference"],
        models["performance_score"],
        c=models["release_year"],
        cmap=YEAR_CMAP,
        s=30,
        edgecolors="k",
        linewidths=0.3,
        zorder=2,
    )
    _log_x_without_minor_labels(ax)
    ax.set_xlabel("Joules per inference (log scale)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right", fontsize=8)
    _year_colourbar(fig, ax, scatter)
    return fig


def fig11_accuracy_vs_energy(marts):
    return _score_vs_energy(marts, "cv", "Fig. 11. Top-1 accuracy vs Joules (ImageNet)", "Top-1 accuracy (%)")


def fig12_glue_vs_energy(marts):
    return _score_vs_energy(marts, "nlp", "Fig. 12. GLUE score vs Joules (NLP)", "GLUE score")


def _versus_humans(marts, domain, title):
    fig = _over_time(marts, domain, "joules_per_inference", title, "Joules (log scale)")
    ax = fig.axes[0]
    humans = marts["fct_human_energy_comparison"]
    humans = humans[humans["domain"] == domain].drop_duplicates("human_reference_id")
    for _, row in humans.iterrows():
        label, colour = HUMAN_REFERENCES.get(row["human_reference_id"], (row["human_reference_id"], "k"))
        ax.axhline(
            row["human_joules_per_second"],
            color=colour,
            linestyle="-.",
            linewidth=1.5,
            label=f"{label}: {row['human_joules_per_second']:,.0f} J",
        )
    # The human lines sit at the top of the plot: keep the legend clear of them.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=7)
    return fig


def fig13_cv_energy_vs_humans(marts):
    return _versus_humans(
        marts,
        "cv",
        "Fig. 13. Joules per forward pass vs human energy use in 1 s (CV)",
    )


def fig14_nlp_energy_vs_humans(marts):
    return _versus_humans(
        marts,
        "nlp",
        "Fig. 14. Joules per forward pass vs human energy use in 1 s (NLP)",
    )


# --- Beyond 2021: the paper's trends out of sample, refitted on 2012-2025 -------------------

PRECISION_CLASS_STYLES = {
    "fp32": ("FP32", "tab:blue", "o"),
    "fp16_bf16_tensor": ("FP16/BF16 tensor", "tab:red", "s"),
    "eight_bit_tensor": ("FP8/INT8 tensor", "tab:purple", "^"),
}


def figE1_gpu_efficiency_to_2025(marts):
    fig, ax = _new("Fig. E1. GPU GFLOPS per Watt to 2025: the paper's Fig. 8 trend out of sample")
    peaks = marts["fct_gpu_datasheet_peaks"]
    for precision_class, (label, colour, marker) in PRECISION_CLASS_STYLES.items():
        group = peaks[peaks["precision_class"] == precision_class]
        for dataset, filled in (("paper", True), ("extension", False)):
            points = group[group["dataset"] == dataset]
            if points.empty:  # J.8 has no 8-bit rows
                continue
            ax.scatter(
                _dates(points["launch_date"]),
                points["gflops_per_watt"],
                s=24,
                marker=marker,
                color=colour if filled else "none",
                edgecolors=colour,
                label=f"{label} ({'J.8' if filled else '2020-2025 datasheets'})",
                alpha=0.85,
            )
        refit = f"gpu_peak_{precision_class}__extended"
        _plot_trend(ax, marts, refit, "-", colour, f"Refit {label}")
    _plot_trend(
        ax,
        marts,
        "gpu_efficiency_cv",
        "--",
        "k",
        "Paper's CV fit, extrapolated (band: pred95)",
        line_span="to_refit_end",
        band="pred95",
    )
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS (TOPS) per Watt, dense peak (log scale)")
    ax.legend(loc="upper left", fontsize=6, ncol=2)
    return fig


def _energy_to_2025(marts, domain, title, ylabel):
    fig, ax = _new(title)
    models = marts["fct_extended_inference_energy"]
    models = models[models["domain"] == domain].dropna(subset=["extended_fit_joules"])
    rule = models["cutting_edge_rule"].iloc[0]
    for dataset, marker, label in (("paper", "o", "Paper's models"), ("extension", "D", "Models beyond the paper")):
        points = models[models["dataset"] == dataset]
        if points.empty:  # LLMs are extension rows only
            continue
        ax.scatter(
            _dates(points["release_date"]),
            points["extended_fit_joules"],
            s=20,
            marker=marker,
            color="tab:blue" if dataset == "paper" else "tab:green",
            alpha=0.6,
            label=label,
        )
    edge = models[models["is_cutting_edge"]]
    ax.scatter(
        _dates(edge["release_date"]),
        edge["extended_fit_joules"],
        s=60,
        facecolors="none",
        edgecolors="tab:red",
        label=CUTTING_EDGE_LABELS[rule] + " (both datasets)",
    )
    if domain != "llm":
        _plot_trend(
            ax,
            marts,
            f"energy_{domain}_{rule}",
            ":",
            "k",
            "Paper's fit, " + CUTTING_EDGE_LABELS[rule].lower() + ", extrapolated",
            line_span="to_refit_end",
        )
    _plot_trend(ax, marts, f"energy_{domain}_{rule}__extended", "--", "tab:red", "Refit, " + rule.replace("_", " "))
    _plot_trend(ax, marts, f"energy_{domain}_all__extended", "-", "tab:blue", "Refit, all models")
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=7)
    return fig


def figE2_cv_energy_to_2025(marts):
    return _energy_to_2025(
        marts,
        "cv",
        "Fig. E2. Joules per forward pass (CV) to 2025, refitted efficiency",
        "Joules per inference (log scale)",
    )


def figE3_nlp_energy_to_2025(marts):
    return _energy_to_2025(
        marts,
        "nlp",
        "Fig. E3. Joules per forward pass (NLP, GLUE) to 2021, refitted efficiency",
        "Joules per inference (log scale)",
    )


def figE4_llm_energy_per_token(marts):
    fig = _energy_to_2025(
        marts,
        "llm",
        "Fig. E4. Joules per generated token of decoder LLMs (active parameters)",
        "Joules per generated token (log scale)",
    )
    ax = fig.axes[0]
    models = marts["fct_extended_inference_energy"]
    moe = models[(models["domain"] == "llm") & (models["active_params_millions"] < models["params_millions"])]
    ax.scatter(
        _dates(moe["release_date"]),
        moe["extended_fit_joules"],
        s=90,
        marker="x",
        color="k",
        label="Mixture of experts",
    )
    ax.legend(loc="lower left", fontsize=7)
    return fig


PRECISION_COLOURS = {"int8": "tab:purple", "fp16": "tab:red", "fp32": "tab:blue"}
BENCHMARK_MARKERS = {"resnet50": ("o", "ResNet-50"), "bert_large": ("s", "BERT-large")}


def _calibration_points(marts) -> pd.DataFrame:
    measured = marts["fct_measured_vs_estimated"]
    return measured[measured["is_calibration_point"]]


def figE5_measured_vs_datasheet(marts):
    fig, ax = _new("Fig. E5. MLPerf measured vs datasheet-estimated Joules per sample")
    points = _calibration_points(marts)
    for (precision, benchmark), group in points.groupby(["precision", "benchmark"]):
        marker, label = BENCHMARK_MARKERS[benchmark]
        ax.scatter(
            group["datasheet_joules_per_sample"],
            group["measured_joules_per_sample"],
            s=22,
            marker=marker,
            color=PRECISION_COLOURS.get(precision, "grey"),
            alpha=0.7,
            label=f"{label}, {precision.upper()}",
        )
    predictions = marts["fct_measured_energy_predictions"].sort_values("datasheet_joules_per_sample")
    ax.plot(
        predictions["datasheet_joules_per_sample"],
        predictions["predicted_joules_per_sample"],
        ".",
        color="k",
        markersize=2,
        label="Calibrated prediction (every GPU)",
    )
    low = min(points["datasheet_joules_per_sample"].min(), points["measured_joules_per_sample"].min()) / 2
    high = max(points["datasheet_joules_per_sample"].max(), points["measured_joules_per_sample"].max()) * 2
    ax.plot([low, high], [low, high], "--", color="grey", linewidth=1, label="measured = estimate")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Datasheet estimate: FLOPs / peak GFLOPS per Watt (J per sample, log scale)")
    ax.set_ylabel("Measured, whole system at the wall (J per sample, log scale)")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def figE6_measured_energy_over_time(marts):
    fig, ax = _new("Fig. E6. Joules per sample by GPU launch date: measured, paper's trend, calibrated")
    points = _calibration_points(marts)
    launch = marts["dim_gpus"][["gpu_id", "launch_date"]]
    predictions = marts["fct_measured_energy_predictions"].merge(launch, on="gpu_id")
    colours = {"resnet50": "tab:blue", "bert_large": "tab:orange"}
    for benchmark, (marker, label) in BENCHMARK_MARKERS.items():
        colour = colours[benchmark]
        measured = points[points["benchmark"] == benchmark].merge(launch, on="gpu_id")
        ax.scatter(
            _dates(measured["launch_date"]),
            measured["measured_joules_per_sample"],
            s=18,
            marker=marker,
            color=colour,
            alpha=0.5,
            label=f"{label}, measured (MLPerf)",
        )
        paper = measured.sort_values("launch_date").drop_duplicates("launch_date")
        ax.plot(
            _dates(paper["launch_date"]),
            paper["paper_method_joules_per_sample"],
            ":",
            color=colour,
            label=f"{label}, paper's trend (Eq. 2, extrapolated)",
        )
        best = predictions[
            (predictions["benchmark"] == benchmark)
            & (predictions["scenario"] == "offline")
            & (predictions["precision"] == "int8")
        ].sort_values("launch_date")
        ax.errorbar(
            _dates(best["launch_date"]),
            best["predicted_joules_per_sample"],
            yerr=[
                best["predicted_joules_per_sample"] - best["pred95_low_joules_per_sample"],
                best["pred95_high_joules_per_sample"] - best["predicted_joules_per_sample"],
            ],
            fmt="_",
            color=colour,
            alpha=0.6,
            label=f"{label}, calibrated INT8 prediction per GPU (pred95)",
        )
    ax.set_yscale("log")
    _date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("Joules per sample (log scale)")
    ax.legend(loc="lower left", fontsize=6)
    return fig


def figS1_conclusion_sensitivity(marts):
    fig, ax = plt.subplots(figsize=(7.0, 5.2), layout="constrained")
    ax.set_title("Fig. S1. The paper's conclusions under each variant (value / the paper's)", fontsize=11)
    ax.grid(True, axis="x", alpha=0.3)
    rows = marts["fct_conclusion_sensitivity"]
    conclusions = list(dict.fromkeys(rows.sort_values("conclusion_id")["conclusion_id"]))
    for position, conclusion_id in enumerate(conclusions):
        group = rows[rows["conclusion_id"] == conclusion_id].sort_values("variant_id").reset_index(drop=True)
        paper = group.loc[group["variant_id"] == "paper", "conclusion_value"].iloc[0]
        offsets = np.linspace(-0.35, 0.35, len(group))
        for offset, (_, row) in zip(offsets, group.iterrows(), strict=True):
            colour = "tab:green" if row["claim_holds"] else "tab:red"
            if pd.notna(row["interval95_low"]):
                ax.plot(
                    [row["interval95_low"] / paper, row["interval95_high"] / paper],
                    [position + offset] * 2,
                    color=colour,
                    alpha=0.35,
                    linewidth=1,
                )
            ax.scatter(
                row["conclusion_value"] / paper,
                position + offset,
                s=30 if row["variant_id"] == "paper" else 12,
                marker="D" if row["variant_id"] == "paper" else "o",
                color="k" if row["variant_id"] == "paper" else colour,
                zorder=3,
            )
    ax.set_yticks(range(len(conclusions)), [c.replace("_", " ") for c in conclusions], fontsize=7)
    ax.set_xscale("log")
    ax.axvline(1, color="grey", linewidth=0.8)
    ax.set_xlabel("Value relative to the paper's (log scale); green: the claim holds, red: it does not")
    ax.set_ylabel("Conclusion")
    return fig


FIGURES: dict[str, Callable[[dict[str, pd.DataFrame]], Figure]] = {
    "fig01_params_vs_flops": fig01_params_vs_flops,
    "fig02_accuracy_over_time": fig02_accuracy_over_time,
    "fig03_cv_gflops_over_time": fig03_cv_gflops_over_time,
    "fig04_accuracy_vs_gflops": fig04_accuracy_vs_gflops,
    "fig05_glue_vs_gflops": fig05_glue_vs_gflops,
    "fig06_nlp_gflops_over_time": fig06_nlp_gflops_over_time,
    "fig07_theoretical_gpu_efficiency": fig07_theoretical_gpu_efficiency,
    "fig08_gpu_efficiency": fig08_gpu_efficiency,
    "fig09_cv_energy_over_time": fig09_cv_energy_over_time,
    "fig10_nlp_energy_over_time": fig10_nlp_energy_over_time,
    "fig11_accuracy_vs_energy": fig11_accuracy_vs_energy,
    "fig12_glue_vs_energy": fig12_glue_vs_energy,
    "fig13_cv_energy_vs_humans": fig13_cv_energy_vs_humans,
    "fig14_nlp_energy_vs_humans": fig14_nlp_energy_vs_humans,
    # Appendix G's companion of Fig. 5, with the bubble encoding of Fig. 2.
    "figG15_glue_over_time": figG15_glue_over_time,
    # How robust the paper's conclusions are to its choices
    "figS1_conclusion_sensitivity": figS1_conclusion_sensitivity,
    # Beyond the paper: its trends against 2020-2025 data (issue: out-of-sample test)
    "figE1_gpu_efficiency_to_2025": figE1_gpu_efficiency_to_2025,
    "figE2_cv_energy_to_2025": figE2_cv_energy_to_2025,
    "figE3_nlp_energy_to_2025": figE3_nlp_energy_to_2025,
    "figE4_llm_energy_per_token": figE4_llm_energy_per_token,
    # Calibrated against measured energy (MLPerf power results)
    "figE5_measured_vs_datasheet": figE5_measured_vs_datasheet,
    "figE6_measured_energy_over_time": figE6_measured_energy_over_time,
}


# A layer of more points than this is drawn as an image inside the SVG (axes, text and lines stay
# vector): a seed or catalogue of 100 k models would otherwise write tens of MB of SVG per figure.
RASTERIZE_ABOVE_POINTS = 2000


def rasterize_dense_layers(fig: plt.Figure, threshold: int = RASTERIZE_ABOVE_POINTS) -> int:
    """Mark every scatter collection and line of more than `threshold` points as raster; how many."""
    marked = 0
    for ax in fig.axes:
        layers = [*ax.collections, *ax.lines]
        for layer in layers:
            points = len(layer.get_offsets()) if hasattr(layer, "get_offsets") else 0
            if hasattr(layer, "get_xydata"):
                points = max(points, len(layer.get_xydata()))
            if points > threshold:
                layer.set_rasterized(True)
                marked += 1
    return marked


class _MartsRead(Mapping):
    """The marts, read-only, recording which of them a figure reads (its inputs, for reuse).
    Every way of reading goes through __getitem__ or __iter__ (iterating counts as reading all)."""

    def __init__(self, marts: dict[str, pd.DataFrame]):
        self._marts = marts
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.read.add(name)
        return self._marts[name]

    def __iter__(self):
        self.read.update(self._marts)
        return iter(self._marts)

    def __len__(self) -> int:
        return len(self._marts)


def _render(names: list[str], marts: dict[str, pd.DataFrame], out: Path) -> dict[str, list[str]]:
    """Draw `names`; the marts each one read."""
    read = {}
    for name in names:
        recording = _MartsRead(marts)
        fig = FIGURES[name](recording)
        rasterize_dense_layers(fig)
        fig.savefig(out / f"{name}.png", dpi=150)
        fig.savefig(out / f"{name}.svg")
        plt.close(fig)
        read[name] = sorted(recording.read)
    return read


# Binary digits of a float's mantissa a digest keeps (~11 significant decimal digits).
DIGEST_MANTISSA_BITS = 36


def mart_digest(frame: pd.DataFrame) -> str:
    """A hash of a mart's rows, in any order, and its column names. Two builds of the same
    inputs hand the rows over in different orders and differ in the last bits of a parallel
    sum (measured: 3 of 13 marts): floats count to DIGEST_MANTISSA_BITS, which no figure shows."""
    canonical = frame.copy(deep=False)
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column].dtype):
            mantissa, exponent = np.frexp(frame[column].to_numpy(dtype=float))
            scale = float(2**DIGEST_MANTISSA_BITS)
            canonical[column] = np.ldexp(np.round(mantissa * scale) / scale, exponent)
    rows = np.sort(pd.util.hash_pandas_object(canonical, index=False).to_numpy())
    digest = hashlib.sha256(rows.tobytes())
    digest.update(",".join(map(str, frame.columns)).encode())
    return digest.hexdigest()


FINGERPRINTS = ".fingerprints.json"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def render_or_reuse(
    marts: dict[str, pd.DataFrame], out_dir: str | Path, previous_dir: str | Path | None = None
) -> list[str]:
    """Write every figure under out_dir. A figure is copied from previous_dir (the last
    published figures) when this module's code and every mart it read then are unchanged, and
    drawn otherwise; returns the names reused. out_dir/.fingerprints.json records, per figure,
    the hash of each mart it read (recorded while drawing it, so no list to keep in step)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # the drawing code and the library that draws
    code = hashlib.sha256(Path(__file__).read_bytes() + matplotlib.__version__.encode()).hexdigest()
    digests = {name: mart_digest(frame) for name, frame in marts.items()}
    previous = Path(previous_dir) if previous_dir is not None else None
    recorded = {}
    if previous is not None and (previous / FINGERPRINTS).is_file():
        state = json.loads((previous / FINGERPRINTS).read_text(encoding="utf-8"))
        recorded = state.get("figures", {}) if state.get("code") == code else {}
    reused = [
        name
        for name in FIGURES
        if name in recorded
        and all(digests.get(mart) == digest for mart, digest in recorded[name].items())
        and all((previous / f"{name}.{ext}").is_file() for ext in ("png", "svg"))
    ]
    for name in reused:
        for ext in ("png", "svg"):
            shutil.copyfile(previous / f"{name}.{ext}", out / f"{name}.{ext}")
    drawn = render_all(marts, out, names=[name for name in FIGURES if name not in reused])
    figures_state = {name: recorded[name] for name in reused}
    figures_state.update({name: {mart: digests.get(mart) for mart in read} for name, read in drawn.items()})
    state = {"code": code, "figures": dict(sorted(figures_state.items()))}
    (out / FINGERPRINTS).write_text(json.dumps(state, indent=1) + "\n", encoding="utf-8")
    return reused


def _stop_with_parent() -> None:
    """A drawing worker is stopped (SIGTERM) when the process that started it ends, however it
    ends (Linux prctl PR_SET_PDEATHSIG): an interrupted build leaves no worker drawing into a
    folder it removes. Elsewhere a no-op."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def render_all(
    marts: dict[str, pd.DataFrame], out_dir: str | Path, workers: int = 2, names: list[str] | None = None
) -> dict[str, list[str]]:
    """Write every figure (or `names`) as PNG and SVG under out_dir; the marts each one read.

    Figures are independent: `workers` processes draw them side by side (drawing is most
    of a build's report time)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = list(FIGURES) if names is None else list(names)
    if workers <= 1 or len(names) <= 1:
        return _render(names, marts, out)
    chunks = [names[i::workers] for i in range(workers)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_stop_with_parent) as pool:
        parts = list(pool.map(_render, chunks, [marts] * workers, [out] * workers))
    return {name: part[name] for name in names for part in parts if name in part}
