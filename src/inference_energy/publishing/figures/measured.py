"""Calibrated against measured energy (MLPerf power results): Figs. E5 to E8."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .style import (
    date_axis,
    date_numbers,
    legend_beside,
    new_figure,
)

PRECISION_COLOURS = {"int8": "tab:purple", "fp16": "tab:red", "fp32": "tab:blue"}
BENCHMARK_MARKERS = {"resnet50": ("o", "ResNet-50"), "bert_large": ("s", "BERT-large")}


def default_system(predictions: pd.DataFrame) -> pd.DataFrame:
    """The predictions for the system estimate_measured_joules assumes by default: 8 accelerators, MaxQ."""
    return predictions[(predictions["n_accelerators"] == 8) & (predictions["power_mode"] == "MaxQ")]


def calibration_points(marts) -> pd.DataFrame:
    measured = marts["fct_measured_vs_estimated"]
    return measured[measured["is_calibration_point"]]


def figE5_measured_vs_datasheet(marts):
    fig, ax = new_figure("Fig. E5. MLPerf measured vs datasheet-estimated Joules per sample")
    points = calibration_points(marts)
    for (precision, benchmark), group in points.groupby(["compute_format", "benchmark"]):
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
    predictions = default_system(marts["fct_measured_energy_predictions"]).sort_values("datasheet_joules_per_sample")
    ax.plot(
        predictions["datasheet_joules_per_sample"],
        predictions["predicted_joules_per_sample"],
        ".",
        color="k",
        markersize=2,
        label="Measured-system prediction (every GPU, 8 accelerators, MaxQ)",
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
    fig, ax = new_figure("Fig. E6. Joules per sample by GPU launch date: measured, paper's trend, calibrated")
    points = calibration_points(marts)
    launch = marts["dim_gpus"][["gpu_id", "launch_date"]]
    predictions = default_system(marts["fct_measured_energy_predictions"]).merge(launch, on="gpu_id")
    colours = {"resnet50": "tab:blue", "bert_large": "tab:orange"}
    for benchmark, (marker, label) in BENCHMARK_MARKERS.items():
        colour = colours[benchmark]
        measured = points[points["benchmark"] == benchmark].merge(launch, on="gpu_id")
        ax.scatter(
            date_numbers(measured["launch_date"]),
            measured["measured_joules_per_sample"],
            s=18,
            marker=marker,
            color=colour,
            alpha=0.5,
            label=f"{label}, measured (MLPerf)",
        )
        paper = measured.sort_values("launch_date").drop_duplicates("launch_date")
        ax.plot(
            date_numbers(paper["launch_date"]),
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
            date_numbers(best["launch_date"]),
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
    date_axis(ax)
    ax.set_xlabel("GPU launch date")
    ax.set_ylabel("Joules per sample (log scale)")
    legend_beside(ax, fontsize=6)
    return fig


SCENARIO_COLOURS = {"offline": "tab:blue", "server": "tab:orange"}


def figE7_measured_vs_predicted(marts):
    fig, ax = new_figure("Fig. E7. MLPerf measured vs measured-system predicted Joules per sample")
    points = calibration_points(marts)
    for (benchmark, scenario), group in points.groupby(["benchmark", "scenario"]):
        marker, label = BENCHMARK_MARKERS[benchmark]
        ax.scatter(
            group["calibrated_joules_per_sample"],
            group["measured_joules_per_sample"],
            s=22,
            marker=marker,
            color=SCENARIO_COLOURS.get(scenario, "grey"),
            alpha=0.7,
            label=f"{label}, {scenario.capitalize()}",
        )
    low = min(points["calibrated_joules_per_sample"].min(), points["measured_joules_per_sample"].min()) / 2
    high = max(points["calibrated_joules_per_sample"].max(), points["measured_joules_per_sample"].max()) * 2
    ax.plot([low, high], [low, high], "--", color="grey", linewidth=1, label="measured = predicted")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Predicted by the measured-system model (J per sample, log scale)")
    ax.set_ylabel("Measured, whole system at the wall (J per sample, log scale)")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def figE8_residuals_by_chip(marts):
    fig, ax = new_figure("Fig. E8. Measured-system residuals by chip: fitted on all, and the chip held out")
    points = calibration_points(marts).copy()
    points["held_out_residual"] = np.log10(
        points["measured_joules_per_sample"] / points["held_out_chip_joules_per_sample"]
    )
    chips = sorted(points["chip"].unique())
    for offset, column, colour, label in (
        (-0.15, "residual_log10", "tab:blue", "fitted on all results"),
        (0.15, "held_out_residual", "tab:red", "chip held out (a GPU never measured)"),
    ):
        for i, chip in enumerate(chips):
            values = points.loc[points["chip"] == chip, column]
            ax.scatter(
                np.full(len(values), i + offset),
                values,
                s=14,
                color=colour,
                alpha=0.5,
                label=label if i == 0 else None,
            )
    ax.axhline(0, color="grey", linewidth=1)
    ax.set_xticks(range(len(chips)), [f"{c} ({(points['chip'] == c).sum()})" for c in chips], fontsize=7)
    ax.set_xlabel("GPU die (results)")
    ax.set_ylabel("log10(measured / predicted)")
    legend_beside(ax)
    return fig
