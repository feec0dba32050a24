"""LLM serving energy: Figs. E9 to E11."""

from __future__ import annotations

import numpy as np

from .style import date_axis, date_numbers, legend_beside, new_figure

SOURCE_STYLE = {"mlperf": ("o", "tab:red", "MLPerf (wall)"), "ml_energy": ("s", "tab:blue", "ML.ENERGY (GPU only)")}


def figE9_llm_token_energy_by_year(marts):
    fig, ax = new_figure("Fig. E9. Joules per generated token of decoder LLMs on the GPU of their year")
    llms = marts["fct_llm_token_energy_by_year"].sort_values("release_date")
    x = date_numbers(llms["release_date"])
    for column, colour, label in (
        ("paper_method", "tab:grey", "paper's method (Eq. 2, refitted efficiency)"),
        ("serving_model", "tab:green", "LLM serving model (8-GPU server at the wall)"),
    ):
        centre = llms[f"{column}_joules_per_token"]
        ax.errorbar(
            x,
            centre,
            yerr=[
                centre - llms[f"{column}_joules_per_token_pred95_low"],
                llms[f"{column}_joules_per_token_pred95_high"] - centre,
            ],
            fmt="o",
            markersize=4,
            color=colour,
            alpha=0.7,
            capsize=0,
            label=f"{label}, pred95",
        )
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_xlabel("Model release date")
    ax.set_ylabel("Joules per generated token (log scale)")
    ax.legend(loc="upper right", fontsize=7)
    return fig


def figE10_llm_measured_by_gpu_generation(marts):
    fig, ax = new_figure("Fig. E10. Measured Joules per output token of one model on successive GPUs")
    measured = marts["fct_llm_measured_by_gpu_generation"]
    for (source, _model), rows in measured.groupby(["serving_source", "model_name"]):
        marker, colour, _ = SOURCE_STYLE[source]
        rows = rows.sort_values("gpu_launch_date")
        x = date_numbers(rows["gpu_launch_date"])
        ax.plot(x, rows["min_joules_per_output_token"], color=colour, alpha=0.35, linewidth=0.8)
        ax.scatter(x, rows["min_joules_per_output_token"], marker=marker, color=colour, alpha=0.6, s=16)
    for marker, colour, label in SOURCE_STYLE.values():
        ax.scatter([], [], marker=marker, color=colour, label=f"{label}: one line per model, its best configuration")
    ax.set_yscale("log")
    date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("Measured Joules per output token (log scale)")
    legend_beside(ax)
    return fig


def figE11_llm_measured_vs_predicted(marts):
    fig, ax = new_figure("Fig. E11. Measured vs predicted Joules per output token, GPU held out")
    rows = marts["fct_llm_measured_vs_estimated"]
    rows = rows[rows["exclusion_reason"].isna()]
    for source, group in rows.groupby("serving_source"):
        marker, colour, label = SOURCE_STYLE[source]
        ax.scatter(
            group["held_out_chip_joules_per_output_token"],
            group["joules_per_output_token"],
            s=10 if source == "ml_energy" else 30,
            marker=marker,
            color=colour,
            alpha=0.5,
            label=label,
        )
    low = np.nanmin(rows[["held_out_chip_joules_per_output_token", "joules_per_output_token"]].to_numpy())
    high = np.nanmax(rows[["held_out_chip_joules_per_output_token", "joules_per_output_token"]].to_numpy())
    ax.plot([low, high], [low, high], "k--", linewidth=0.8, label="identity")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Predicted by the prefill/decode model fitted without the GPU (J per output token)")
    ax.set_ylabel("Measured (J per output token)")
    ax.legend(loc="upper left", fontsize=7)
    return fig
