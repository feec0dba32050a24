"""Beyond the paper: its trends against 2020-2025 data (E1-E4) and the sensitivity of its conclusions (S1)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .style import (
    date_axis,
    date_numbers,
    energy_to_2025,
    legend_beside,
    new_figure,
    plot_trend,
)

# --- Beyond 2021: the paper's trends out of sample, refitted on 2012-2025 -------------------

PRECISION_CLASS_STYLES = {
    "fp32": ("FP32", "tab:blue", "o"),
    "fp16_bf16_tensor": ("FP16/BF16 tensor", "tab:red", "s"),
    "eight_bit_tensor": ("FP8/INT8 tensor", "tab:purple", "^"),
}


def figE1_gpu_efficiency_to_2025(marts):
    fig, ax = new_figure("Fig. E1. GPU GFLOPS per Watt to 2025: the paper's Fig. 8 trend out of sample")
    peaks = marts["fct_gpu_datasheet_peaks"]
    for precision_class, (label, colour, marker) in PRECISION_CLASS_STYLES.items():
        group = peaks[peaks["precision_class"] == precision_class]
        for dataset, filled in (("paper", True), ("extension", False)):
            points = group[group["dataset"] == dataset]
            if points.empty:  # J.8 has no 8-bit rows
                continue
            ax.scatter(
                date_numbers(points["launch_date"]),
                points["gflops_per_watt"],
                s=24,
                marker=marker,
                color=colour if filled else "none",
                edgecolors=colour,
                label=f"{label} ({'J.8' if filled else '2020-2025 datasheets'})",
                alpha=0.85,
            )
        refit = f"gpu_peak_{precision_class}__extended"
        plot_trend(ax, marts, refit, "-", colour, f"Refit {label}")
    plot_trend(
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
    date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("GFLOPS (TOPS) per Watt, dense peak (log scale)")
    legend_beside(ax, fontsize=6)
    return fig


def figE2_cv_energy_to_2025(marts):
    return energy_to_2025(
        marts,
        "cv",
        "Fig. E2. Joules per forward pass (CV) to 2025, refitted efficiency",
        "Joules per inference (log scale)",
    )


def figE3_nlp_energy_to_2025(marts):
    return energy_to_2025(
        marts,
        "nlp",
        "Fig. E3. Joules per forward pass (NLP, GLUE) to 2021, refitted efficiency",
        "Joules per inference (log scale)",
    )


def figE4_llm_energy_per_token(marts):
    fig = energy_to_2025(
        marts,
        "llm",
        "Fig. E4. Joules per generated token of decoder LLMs (active parameters)",
        "Joules per generated token (log scale)",
    )
    ax = fig.axes[0]
    models = marts["fct_inference_energy_2012_2025"]
    moe = models[(models["domain"] == "llm") & (models["active_params_millions"] < models["params_millions"])]
    ax.scatter(
        date_numbers(moe["release_date"]),
        moe["extended_fit_joules"],
        s=90,
        marker="x",
        color="k",
        label="Mixture of experts",
    )
    ax.legend(loc="lower left", fontsize=7)
    return fig


def figS1_conclusion_sensitivity(marts):
    fig, ax = plt.subplots(figsize=(7.0, 5.2), layout="constrained")
    ax.set_title("Fig. S1. The paper's conclusions under each variant", fontsize=11)
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
    ax.set_xlabel("Value / the paper's (log scale); green: the claim holds, red: not")
    ax.set_ylabel("Conclusion")
    return fig
