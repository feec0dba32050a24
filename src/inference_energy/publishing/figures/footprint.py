"""The multiplicative factor: the trends read forward to 2030 (Fig. E12) and the usage scenarios'
energy against the electricity the world and a region generate (Fig. E13)."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from .style import date_numbers, new_figure

# the trends Fig. E12 reads forward: the one the paper's scenario uses, fitted on the paper's rows and
# refitted with the extension, and every extension model of the domain
FORECAST_TRENDS = (
    ("energy_cv_best_of_year", "tab:grey", "Most accurate of its year, paper's fit"),
    ("energy_cv_best_of_year__extended", "tab:blue", "Most accurate of its year, refitted to 2025"),
    ("energy_cv_all__extended", "tab:green", "All models, refitted to 2025"),
)


def figE12_forecast_to_2030(marts):
    fig, ax = new_figure("Fig. E12. Joules per ImageNet inference read forward to 2030, with pred95")
    forecasts = marts["fct_trend_forecasts"]
    for trend_id, colour, label in FORECAST_TRENDS:
        rows = forecasts[forecasts["trend_id"] == trend_id].sort_values("forecast_year")
        if rows.empty:
            raise KeyError(f"fct_trend_forecasts has no trend {trend_id!r}")
        x = date_numbers(rows["reading_date"])
        ax.fill_between(
            x,
            rows["fitted_value_pred95_low"],
            rows["fitted_value_pred95_high"],
            color=colour,
            alpha=0.12,
            linewidth=0,
        )
        # solid within the data, dashed past the trend's last point (the rows flagged is_extrapolated);
        # the dashed line starts at the last reading inside the data so that the two join
        inside = rows["is_extrapolated"].to_numpy() == False  # noqa: E712 (a numpy array, not a bool)
        ax.plot(x[inside], rows["fitted_value"][inside], "-", color=colour, linewidth=1.8, label=label)
        past = ~inside
        if inside.any():
            past[np.flatnonzero(inside)[-1]] = True
        ax.plot(x[past], rows["fitted_value"][past], "--", color=colour, linewidth=1.8)
        ax.axvline(date_numbers([rows["last_date"].iloc[0]])[0], color=colour, linewidth=0.6, alpha=0.6)
    ax.plot([], [], "k--", linewidth=1.2, label="dashed: extrapolated past the trend's last point (thin line)")
    ax.set_yscale("log")
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Year read (1 July)")
    ax.set_ylabel("Joules per inference (log scale)")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def figE13_scenario_energy_vs_demand(marts):
    fig, ax = new_figure("Fig. E13. Usage scenarios vs electricity generation")
    rows = scenario_rows(marts["fct_usage_scenario_forecasts"])
    y = np.arange(len(rows))[::-1]
    centre = rows["twh_per_year"].to_numpy(dtype=float)
    low = rows["twh_per_year_pred95_low"].to_numpy(dtype=float)
    high = rows["twh_per_year_pred95_high"].to_numpy(dtype=float)
    has_interval = ~np.isnan(low)
    ax.errorbar(
        centre[has_interval],
        y[has_interval],
        xerr=[centre[has_interval] - low[has_interval], high[has_interval] - centre[has_interval]],
        fmt="none",
        ecolor="tab:blue",
        alpha=0.6,
        capsize=2,
    )
    extrapolated = rows["is_extrapolated"].fillna(False).to_numpy(dtype=bool)
    for flag, marker, label in ((False, "o", "within the data"), (True, "^", "trend extrapolated")):
        chosen = extrapolated == flag
        if chosen.any():
            ax.scatter(centre[chosen], y[chosen], marker=marker, color="tab:blue", s=28, zorder=3, label=label)
    # the demand lines: the world's generation, and each compared region's (one line per region)
    ax.axvline(rows["world_generation_twh"].iloc[0], color="tab:red", linewidth=1.2, label="World generation")
    regions = rows[["compared_region_code", "compared_region_generation_twh"]].drop_duplicates()
    for _, region in regions.iterrows():
        ax.axvline(
            region["compared_region_generation_twh"],
            color="tab:orange",
            linestyle="--",
            linewidth=1.2,
            label=f"{region['compared_region_code']} generation",
        )
    labels = [f"{scenario} ({year})" for scenario, year in zip(rows["scenario_id"], rows["reading_year"], strict=True)]
    ax.set_yticks(y, labels, fontsize=6)
    ax.set_xscale("log")
    ax.set_xlabel("TWh per year at the facility (log scale; bars: pred95)")
    ax.set_ylabel("Scenario (year read)")
    ax.legend(loc="center left", fontsize=7)
    return fig


def scenario_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Fig. E13's rows, top to bottom: each scenario, its years in order."""
    return rows.sort_values(["scenario_id", "reading_year"]).reset_index(drop=True)
