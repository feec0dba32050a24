"""What every figure shares: the marts they read, sizes, colours, and drawing helpers.

Nothing here recomputes what a mart holds: fit lines and their intervals are the rows of
fct_trend_lines (computed in SQL by macro trend_value_at), the cutting edge of each domain
is fct_inference_energy.is_cutting_edge.
"""

from __future__ import annotations

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
from matplotlib.text import Text  # noqa: E402
from matplotlib.ticker import MaxNLocator, NullFormatter  # noqa: E402

MARTS = (
    "fct_inference_energy",
    "fct_inference_energy_2012_2025",
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
    "fct_llm_token_energy_by_year",
    "fct_llm_measured_by_gpu_generation",
    "fct_llm_measured_vs_estimated",
    "fct_trend_forecasts",
    "fct_usage_scenario_forecasts",
)

FIGSIZE = (7.0, 4.6)
LEGEND_WIDTH = 3.0  # inches added to a figure whose legend sits beside the axes
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


def date_numbers(values) -> np.ndarray:
    return mdates.date2num(pd.to_datetime(pd.Series(values)).dt.to_pydatetime())


def trend_fit(marts: dict[str, pd.DataFrame], trend_id: str) -> pd.Series:
    fits = marts["fct_trend_fits"].set_index("trend_id")
    if trend_id not in fits.index:
        raise KeyError(f"fct_trend_fits has no trend {trend_id!r}")
    return fits.loc[trend_id]


def plot_trend(
    ax, marts, trend_id: str, style: str, colour: str, label: str, line_span: str = "fit", band: str = "mean_ci95"
) -> None:
    fit = trend_fit(marts, trend_id)
    lines = marts["fct_trend_lines"]
    line = lines[(lines["trend_id"] == trend_id) & (lines["line_span"] == line_span)].sort_values("point_index")
    x = date_numbers(line["line_date"])
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


def date_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Release date")


def new_figure(title: str) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    ax.set_title(title, fontsize=11)
    ax.grid(True, which="major", alpha=0.3)
    return fig, ax


def legend_beside(ax, fontsize: float = 7, **kwargs) -> None:
    """The legend right of the axes, never over the data: the figure widens by LEGEND_WIDTH so that
    the axes (and the title centred over them) keep their width (constrained layout fits both)."""
    ax.figure.set_size_inches(FIGSIZE[0] + LEGEND_WIDTH, FIGSIZE[1])
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, fontsize=fontsize, **kwargs)


def year_colourbar(fig, ax, scatter) -> None:
    bar = fig.colorbar(scatter, ax=ax, pad=0.01, ticks=MaxNLocator(integer=True))
    bar.set_label("Release year")


def log_x_without_minor_labels(ax, plain_ticks: tuple[float, ...] = ()) -> None:
    # Over less than two decades matplotlib labels minor ticks too, and they collide;
    # plain_ticks replaces them with a few readable values.
    ax.set_xscale("log")
    ax.xaxis.set_minor_formatter(NullFormatter())
    if plain_ticks:
        ax.set_xticks(plain_ticks, [f"{tick:g}" for tick in plain_ticks])


LABEL_OFFSETS = [
    (7, -3), (7, 7), (-8, -3), (7, -13), (-8, 9), (7, 16), (-8, -15), (7, -22), (7, 26), (7, -32),
    # farther out (with a leader line): where the near spots are taken, never on another label
    (-8, 21), (-8, -27), (7, 36), (7, -42), (-8, 33), (-8, -39), (12, 46), (12, -52), (-12, 45), (-12, -51),
]  # fmt: skip
# a label further than this (points) from its point gets a leader line to it
LEADER_LINE_DISTANCE = 12


def label_points(ax, xs, ys, labels) -> None:
    """Label points, trying a few offsets so that no two labels overlap and each stays inside the
    axes; a label that had to move away from its point is joined to it by a thin leader line."""
    # the labels are placed on the final layout (drawn once first) and kept out of it, so that
    # constrained layout does not move the axes after they were placed (labels then collide)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)  # a label stays inside the axes (not over a colour bar)
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
            annotation.set_in_layout(False)
            # the text's own box, not the leader line's (which crosses its neighbours by design)
            annotation.update_positions(renderer)
            box = Text.get_window_extent(annotation, renderer).expanded(1.05, 1.15)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            annotation.remove()
        else:  # no free spot: keep the first choice rather than drop the label
            annotation = ax.annotate(text, (x, y), xytext=LABEL_OFFSETS[0], textcoords="offset points", fontsize=7)
            annotation.set_in_layout(False)
            placed.append(annotation.get_window_extent(renderer))


def domain_models(marts, domain: str) -> pd.DataFrame:
    models = marts["fct_inference_energy"]
    return models[models["domain"] == domain].copy()


def plot_frontier(ax, points: pd.DataFrame, cost: str, flag: str) -> None:
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


def bubble_sizes(gflops, largest: float):
    """Marker area (points^2) for a GFLOPs value: grows with the square root of GFLOPs."""
    return 8 + 600 * np.sqrt(np.asarray(gflops, dtype=float) / largest)


def size_legend(ax, largest: float, loc: str) -> None:
    """A legend of bubble sizes in GFLOPs, so that the area can be read."""
    steps = [v for v in (1, 10, 100, 1000, 10000) if v <= largest] or [largest]
    handles = [
        ax.scatter([], [], s=bubble_sizes(v, largest), color="grey", alpha=0.4, edgecolors="k", linewidths=0.3)
        for v in steps
    ]
    legend = ax.legend(
        handles, [f"{v:g} GFLOPs" for v in steps], loc=loc, fontsize=7, labelspacing=1.6, borderpad=1.0, framealpha=0.8
    )
    ax.add_artist(legend)


CUTTING_EDGE_LABELS = {"best_of_year": "Most accurate of its year", "most_demanding": "Most demanding when released"}


def over_time(marts, domain, quantity, title, ylabel, yearly_mean=False):
    fig, ax = new_figure(title)
    models = domain_models(marts, domain).dropna(subset=[quantity])
    other = models[~models["is_cutting_edge"]]
    edge = models[models["is_cutting_edge"]]
    # the rule of the domain's cutting edge lives in the warehouse (int_models_flagged)
    cutting_edge_trend = models["cutting_edge_rule"].iloc[0]
    cutting_edge_label = CUTTING_EDGE_LABELS[cutting_edge_trend]
    ax.scatter(date_numbers(other["release_date"]), other[quantity], s=18, color="tab:blue", alpha=0.55, label="Models")
    ax.scatter(
        date_numbers(edge["release_date"]), edge[quantity], s=34, color="tab:red", marker="D", label=cutting_edge_label
    )
    prefix = "compute" if quantity == "gflops" else "energy"
    # energy figures (9, 10, 13, 14) shade where one new model would fall (pred95)
    band = "pred95" if prefix == "energy" else "mean_ci95"
    band_label = " (band: pred95)" if prefix == "energy" else ""
    plot_trend(
        ax,
        marts,
        f"{prefix}_{domain}_{cutting_edge_trend}",
        "--",
        "tab:red",
        "Fit, " + cutting_edge_label.lower() + band_label,
        band=band,
    )
    plot_trend(ax, marts, f"{prefix}_{domain}_all", "-", "tab:blue", "Fit, all models" + band_label, band=band)
    if domain == "nlp" and quantity == "joules_per_inference":
        # name the models on the cutting edge (GPT-3 and its predecessors), so they can be found
        named = edge.sort_values("release_date")
        label_points(ax, date_numbers(named["release_date"]), named[quantity], named["model_name"])
    if yearly_mean:
        yearly = marts["fct_yearly_mean_energy"]
        yearly = yearly[yearly["domain"] == domain].sort_values("release_year")
        mid_year = [date(int(y), 7, 1) for y in yearly["release_year"]]
        ax.plot(
            date_numbers(mid_year), yearly["mean_joules_per_inference"], ":", color="k", marker=".", label="Yearly mean"
        )
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def score_vs_energy(marts, domain, title, ylabel):
    fig, ax = new_figure(title)
    models = domain_models(marts, domain).dropna(subset=["performance_score", "joules_per_inference"])
    plot_frontier(ax, models, "joules_per_inference", "is_pareto_optimal")
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
    log_x_without_minor_labels(ax)
    ax.set_xlabel("Joules per inference (log scale)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right", fontsize=8)
    year_colourbar(fig, ax, scatter)
    return fig


def versus_humans(marts, domain, title):
    fig = over_time(marts, domain, "joules_per_inference", title, "Joules (log scale)")
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


def energy_to_2025(marts, domain, title, ylabel):
    fig, ax = new_figure(title)
    models = marts["fct_inference_energy_2012_2025"]
    models = models[models["domain"] == domain].dropna(subset=["extended_fit_joules"])
    rule = models["cutting_edge_rule"].iloc[0]
    for dataset, marker, label in (("paper", "o", "Paper's models"), ("extension", "D", "Models beyond the paper")):
        points = models[models["dataset"] == dataset]
        if points.empty:  # LLMs are extension rows only
            continue
        ax.scatter(
            date_numbers(points["release_date"]),
            points["extended_fit_joules"],
            s=20,
            marker=marker,
            color="tab:blue" if dataset == "paper" else "tab:green",
            alpha=0.6,
            label=label,
        )
    edge = models[models["is_cutting_edge"]]
    ax.scatter(
        date_numbers(edge["release_date"]),
        edge["extended_fit_joules"],
        s=60,
        facecolors="none",
        edgecolors="tab:red",
        label=CUTTING_EDGE_LABELS[rule] + " (both datasets)",
    )
    if domain != "llm":
        plot_trend(
            ax,
            marts,
            f"energy_{domain}_{rule}",
            ":",
            "k",
            "Paper's fit, " + CUTTING_EDGE_LABELS[rule].lower() + ", extrapolated",
            line_span="to_refit_end",
        )
    plot_trend(ax, marts, f"energy_{domain}_{rule}__extended", "--", "tab:red", "Refit, " + rule.replace("_", " "))
    plot_trend(ax, marts, f"energy_{domain}_all__extended", "-", "tab:blue", "Refit, all models")
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=7)
    return fig
