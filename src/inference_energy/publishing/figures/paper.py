"""The paper's figures (Figs. 1-14 and G.15), one function each: the marts in, a Figure out."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from .style import (
    ARCHITECTURE_COLOURS,
    YEAR_CMAP,
    bubble_sizes,
    date_axis,
    date_numbers,
    domain_models,
    label_points,
    log_x_without_minor_labels,
    new_figure,
    over_time,
    plot_frontier,
    plot_trend,
    score_vs_energy,
    size_legend,
    versus_humans,
    year_colourbar,
)


def fig01_params_vs_flops(marts):
    fig, ax = new_figure("Fig. 1. Parameters and GFLOPs of ImageNet models")
    cv = domain_models(marts, "cv").dropna(subset=["params_millions", "gflops"])
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


def fig02_accuracy_over_time(marts):
    fig, ax = new_figure("Fig. 2. ImageNet top-1 accuracy over time (bubble area grows with sqrt GFLOPs)")
    cv = domain_models(marts, "cv").dropna(subset=["top1_accuracy_pct", "gflops"])
    sizes = bubble_sizes(cv["gflops"], cv["gflops"].max())
    scatter = ax.scatter(
        date_numbers(cv["release_date"]),
        cv["top1_accuracy_pct"],
        s=sizes,
        c=cv["release_year"],
        cmap=YEAR_CMAP,
        alpha=0.55,
        edgecolors="k",
        linewidths=0.3,
    )
    date_axis(ax)
    ax.set_ylabel("Top-1 accuracy (%)")
    size_legend(ax, cv["gflops"].max(), "lower right")
    year_colourbar(fig, ax, scatter)
    return fig


def fig03_cv_gflops_over_time(marts):
    return over_time(
        marts,
        "cv",
        "gflops",
        "Fig. 3. GFLOPs of ImageNet models over time",
        "GFLOPs per forward pass (log scale)",
    )


def fig04_accuracy_vs_gflops(marts):
    fig, ax = new_figure("Fig. 4. Top-1 accuracy vs GFLOPs (ImageNet)")
    cv = domain_models(marts, "cv").dropna(subset=["performance_score", "gflops"])
    plot_frontier(ax, cv, "gflops", "is_pareto_optimal_gflops")
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
    year_colourbar(fig, ax, scatter)
    return fig


def fig05_glue_vs_gflops(marts):
    fig, ax = new_figure("Fig. 5. GLUE score vs GFLOPs (NLP, 128-token inputs)")
    nlp = domain_models(marts, "nlp").dropna(subset=["performance_score", "gflops"])
    scatter = ax.scatter(
        nlp["gflops"],
        nlp["performance_score"],
        c=nlp["release_year"],
        cmap=YEAR_CMAP,
        s=40,
        edgecolors="k",
        linewidths=0.3,
    )
    log_x_without_minor_labels(ax, plain_ticks=(3, 5, 10, 20, 50, 100))
    ax.set_xlabel("GFLOPs per forward pass (log scale)")
    ax.set_ylabel("GLUE score")
    year_colourbar(fig, ax, scatter)
    ordered = nlp.sort_values("performance_score", ascending=False)
    label_points(ax, ordered["gflops"], ordered["performance_score"], ordered["model_name"])
    return fig


def figG15_glue_over_time(marts):
    fig, ax = new_figure("Fig. G.15. GLUE score over time (bubble area grows with sqrt GFLOPs)")
    nlp = domain_models(marts, "nlp").dropna(subset=["performance_score", "gflops"])
    sizes = bubble_sizes(nlp["gflops"], nlp["gflops"].max())
    ax.scatter(
        date_numbers(nlp["release_date"]),
        nlp["performance_score"],
        s=sizes,
        color="tab:orange",
        alpha=0.55,
        edgecolors="k",
        linewidths=0.3,
    )
    # room on the right for the labels of the 2020 models
    first, last = pd.to_datetime(nlp["release_date"]).min(), pd.to_datetime(nlp["release_date"]).max()
    ax.set_xlim(date_numbers([first - pd.Timedelta(days=60), last + pd.Timedelta(days=200)]))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_xlabel("Release date")
    ax.set_ylabel("GLUE score")
    ordered = nlp.sort_values(["release_date", "performance_score"], ascending=[True, False])
    label_points(ax, date_numbers(ordered["release_date"]), ordered["performance_score"], ordered["model_name"])
    size_legend(ax, nlp["gflops"].max(), "lower right")
    return fig


def fig06_nlp_gflops_over_time(marts):
    fig = over_time(
        marts,
        "nlp",
        "gflops",
        "Fig. 6. GFLOPs of NLP models over time",
        "GFLOPs per forward pass (log scale)",
    )
    ax = fig.axes[0]
    nlp = domain_models(marts, "nlp")
    fig.canvas.draw()  # the final layout, to keep each note inside the axes
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    for _, row in nlp[nlp["input_tokens"] != 128].iterrows():
        note = ax.annotate(
            f"{int(row['input_tokens'])} tok",
            (date_numbers([row["release_date"]])[0], row["gflops"]),
            fontsize=7,
            xytext=(4, -9),
            textcoords="offset points",
            color="dimgrey",
        )
        note.set_in_layout(False)
        box = note.get_window_extent(renderer)
        if box.x1 > frame.x1:  # past the right edge: written to the left of its point
            note.set_horizontalalignment("right")
            note.xyann = (-4, -9)
        if box.y0 < frame.y0:  # below the bottom: above its point
            note.xyann = (note.xyann[0], 5)
    return fig


def fig07_theoretical_gpu_efficiency(marts):
    fig, ax = new_figure("Fig. 7. Theoretical NVIDIA GPU GFLOPS per Watt (Table J.8)")
    gpus = marts["fct_gpu_efficiency"]
    gpus = gpus[gpus["adapted_for"] == "none"]
    colours = {"fp32": "tab:blue", "fp16": "tab:green", "fp16_fp32_tensor": "tab:red"}
    labels = {"fp32": "FP32", "fp16": "FP16", "fp16_fp32_tensor": "FP16/FP32 tensor"}
    for precision, colour in colours.items():
        group = gpus[gpus["precision"] == precision]
        ax.scatter(
            date_numbers(group["launch_date"]),
            group["gflops_per_watt"],
            s=24,
            color=colour,
            label=labels[precision],
            alpha=0.8,
        )
        plot_trend(ax, marts, f"gpu_theoretical_{precision}", "-", colour, f"Fit {labels[precision]}")
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS per Watt (log scale)")
    ax.legend(loc="upper left", fontsize=7, ncol=2)
    return fig


def fig08_gpu_efficiency(marts):
    fig, ax = new_figure("Fig. 8. GPU GFLOPS per Watt adapted for CV (CNN) and NLP (Table J.9)")
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
                date_numbers(fp32["launch_date"]),
                fp32["gflops_per_watt"],
                s=20,
                color="grey",
                alpha=0.7,
                label="FP32 peak (both fits)",
            )
        ax.scatter(
            date_numbers(measured["launch_date"]),
            measured["gflops_per_watt"],
            s=46,
            color=colour,
            marker="*",
            label=f"Mixed / TF32, adapted for {domain.upper()}",
        )
        plot_trend(ax, marts, f"gpu_efficiency_{domain}", "-", colour, f"Fit {domain.upper()}")
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS per Watt (log scale)")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def fig09_cv_energy_over_time(marts):
    return over_time(
        marts,
        "cv",
        "joules_per_inference",
        "Fig. 9. Estimated Joules per forward pass (CV)",
        "Joules per inference (log scale)",
        yearly_mean=True,
    )


def fig10_nlp_energy_over_time(marts):
    return over_time(
        marts,
        "nlp",
        "joules_per_inference",
        "Fig. 10. Estimated Joules per forward pass (NLP)",
        "Joules per inference (log scale)",
        yearly_mean=True,
    )


def fig11_accuracy_vs_energy(marts):
    return score_vs_energy(marts, "cv", "Fig. 11. Top-1 accuracy vs Joules (ImageNet)", "Top-1 accuracy (%)")


def fig12_glue_vs_energy(marts):
    return score_vs_energy(marts, "nlp", "Fig. 12. GLUE score vs Joules (NLP)", "GLUE score")


def fig13_cv_energy_vs_humans(marts):
    return versus_humans(
        marts,
        "cv",
        "Fig. 13. Joules per forward pass vs human energy use in 1 s (CV)",
    )


def fig14_nlp_energy_vs_humans(marts):
    return versus_humans(
        marts,
        "nlp",
        "Fig. 14. Joules per forward pass vs human energy use in 1 s (NLP)",
    )
