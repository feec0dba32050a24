"""Calibrated against measured energy (MLPerf power results): Figs. E5 and E6."""

from __future__ import annotations

import pandas as pd

from .style import (
    date_axis,
    date_numbers,
    new_figure,
)

PRECISION_COLOURS = {"int8": "tab:purple", "fp16": "tab:red", "fp32": "tab:blue"}
BENCHMARK_MARKERS = {"resnet50": ("o", "ResNet-50"), "bert_large": ("s", "BERT-large")}


def calibration_points(marts) -> pd.DataFrame:
    measured = marts["fct_measured_vs_estimated"]
    return measured[measured["is_calibration_point"]]


def figE5_measured_vs_datasheet(marts):
    fig, ax = new_figure("Fig. E5. MLPerf measured vs datasheet-estimated Joules per sample")
    points = calibration_points(marts)
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
    fig, ax = new_figure("Fig. E6. Joules per sample by GPU launch date: measured, paper's trend, calibrated")
    points = calibration_points(marts)
    launch = marts["dim_gpus"][["gpu_id", "launch_date"]]
    predictions = marts["fct_measured_energy_predictions"].merge(launch, on="gpu_id")
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
    ax.legend(loc="lower left", fontsize=6)
    return fig
