"""The footprint of an inference: the grid seed is codecarbon's own tables, gCO2e = Joules x PUE x
the package's intensity (read here from the package, not from the warehouse), the macro refuses
an unknown region and an impossible PUE, and the paper's one-inference-per-second scenario is the
trend read at mid-year times the world's population."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib import resources

import duckdb
import pytest
from conftest import REPO, project_var

from inference_energy.build import grid_intensity_seed


def package_countries() -> dict[str, dict]:
    text = (resources.files("codecarbon") / "data" / "private_infra" / "global_energy_mix.json").read_text()
    return json.loads(text)


def seed_rows(name: str, folder: str) -> list[dict[str, str]]:
    with open(REPO / "seeds" / folder / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_grid_seed_is_what_the_pinned_package_ships():
    """The seed was written from the package, never by hand: written again, it is the same file."""
    written = io.StringIO()
    writer = csv.DictWriter(written, fieldnames=grid_intensity_seed.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(grid_intensity_seed.rows())
    assert (REPO / "seeds" / "extension" / "extension_grid_carbon_intensity.csv").read_text() == written.getvalue()
    seed = {row["region_code"]: row for row in seed_rows("extension_grid_carbon_intensity", "extension")}
    for iso, country in package_countries().items():
        assert float(seed[iso]["carbon_intensity_gco2e_per_kwh"]) == country["carbon_intensity"]
        assert int(seed[iso]["data_year"]) == country["year"]


@pytest.mark.parametrize("region", ["FRA", "IND"])
def test_resnet50_emits_joules_times_pue_times_the_packages_intensity(warehouse, region):
    [(joules,)] = warehouse.query(
        "select joules_per_inference from marts.fct_inference_energy where model_id = 'resnet50'"
    )
    default_year = int(project_var("footprint_pue_year"))
    pue = next(float(r["pue"]) for r in seed_rows("data_centre_pue", "project") if int(r["year"]) == default_year)
    intensity = package_countries()[region]["carbon_intensity"]
    [(gco2e, wh)] = warehouse.query(
        "select gco2e, wh_at_facility from marts.fct_inference_footprint "
        f"where model_id = 'resnet50' and dataset = 'paper' and region_code = '{region}'"
    )
    assert wh == pytest.approx(joules * pue / 3600, rel=1e-12)
    assert gco2e == pytest.approx(joules * pue / 3.6e6 * intensity, rel=1e-12)
    macro = warehouse.query(f"select marts.inference_footprint({joules!r}, '{region}')")[0][0]
    assert macro["gco2e"] == pytest.approx(gco2e, rel=1e-12) and macro["pue"] == pue


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("marts.inference_footprint(1.0, 'ATLANTIS')", "unknown region ATLANTIS"),
        ("marts.inference_footprint(1.0, 'FRA', 0.9)", "a PUE below 1 (0.9) is impossible"),
    ],
)
def test_the_footprint_macro_refuses_what_it_cannot_price(warehouse, call, message):
    con = duckdb.connect(str(warehouse.db_path), read_only=True)
    try:
        with pytest.raises(duckdb.Error, match=re.escape(message)):
            con.execute(f"select {call}").fetchall()
    finally:
        con.close()


def test_the_papers_scenario_is_the_trend_at_mid_year_times_everyone(warehouse):
    """One inference per second per person in 2020: the paper's CV best-of-year energy trend read at
    1 July (log-linear in years of 365.25 days since the fit's reference date), x the population,
    x the default PUE, over the world generation the package's countries sum to."""
    [(intercept, slope, reference)] = warehouse.query(
        "select intercept_log10, slope_log10_per_year, reference_date from marts.fct_trend_fits "
        "where trend_id = 'energy_cv_best_of_year'"
    )
    joules = 10 ** (intercept + slope * (dt.date(2020, 7, 1) - reference).days / 365.25)
    population = next(
        float(r["population"]) for r in seed_rows("extension_world_population", "extension") if r["year"] == "2020"
    )
    [(twh, share, pue, extrapolated)] = warehouse.query(
        "select twh_per_year, share_of_world_generation, pue_applied, is_extrapolated from marts.fct_usage_scenarios "
        "where scenario_id = 'paper_one_per_second_per_person'"
    )
    assert twh == pytest.approx(joules * pue * population * 86400 * 365 / 3.6e15, rel=1e-9)
    world = sum(country["total_TWh"] for country in package_countries().values())
    assert share == pytest.approx(twh / world, rel=1e-9)
    assert not extrapolated
    [(extrapolated_2025,)] = warehouse.query(
        "select is_extrapolated from marts.fct_usage_scenarios "
        "where scenario_id = 'paper_one_per_second_per_person_2025'"
    )
    assert extrapolated_2025


def test_every_forecast_row_is_its_fit_read_at_mid_year(warehouse):
    """fct_trend_forecasts against the fits of fct_trend_fits, recomputed here: the log-linear value,
    mean_ci95 and pred95 (t of n - 2 degrees of freedom from scipy), one row per year from the
    trend's first to var forecast_last_year, and every row past the data flagged."""
    from scipy import stats

    last_year = int(project_var("forecast_last_year"))
    fits = warehouse.query(
        "select trend_id, intercept_log10, slope_log10_per_year, reference_date, residual_std_error, n_points, "
        "x_mean_years, x_sum_squares, first_date, last_date from marts.fct_trend_fits"
    )
    forecasts = {
        (row[0], row[1]): row[2:]
        for row in warehouse.query(
            "select trend_id, forecast_year, reading_date, fitted_value, fitted_value_mean_ci95_low, "
            "fitted_value_mean_ci95_high, fitted_value_pred95_low, fitted_value_pred95_high, is_extrapolated, "
            "years_past_data from marts.fct_trend_forecasts"
        )
    }
    expected_keys = set()

    def day(value) -> dt.date:  # a timestamp column reads as datetime, a date column as date
        return value.date() if isinstance(value, dt.datetime) else value

    for trend_id, intercept, slope, reference, s, n, x_mean, sxx, first, last in fits:
        reference, last = day(reference), day(last)
        t = stats.t.ppf(0.975, n - 2)
        for year in range(first.year, last_year + 1):
            expected_keys.add((trend_id, year))
            reading, value, mean_low, mean_high, pred_low, pred_high, extrapolated, years_past = forecasts[
                (trend_id, year)
            ]
            x = (dt.date(year, 7, 1) - reference).days / 365.25
            centre = intercept + slope * x
            mean_half = t * s * (1 / n + (x - x_mean) ** 2 / sxx) ** 0.5
            pred_half = t * s * (1 + 1 / n + (x - x_mean) ** 2 / sxx) ** 0.5
            assert reading == dt.date(year, 7, 1)
            assert value == pytest.approx(10**centre, rel=1e-9)
            for (low, high), half in (((mean_low, mean_high), mean_half), ((pred_low, pred_high), pred_half)):
                assert (low, high) == pytest.approx((10 ** (centre - half), 10 ** (centre + half)), rel=1e-9)
            assert extrapolated == (dt.date(year, 7, 1) > last)
            assert years_past == pytest.approx(max((dt.date(year, 7, 1) - last).days, 0) / 365.25)
    assert set(forecasts) == expected_keys
    assert any(flag for *_, flag, _ in forecasts.values()), "the forecast reaches past some trend's data"


def test_the_footprint_macro_prices_the_energy_it_is_given(warehouse):
    """3.6 MJ = 1 kWh at the IT equipment; at PUE 1.5 that is 1.5 kWh at the meter, which at 0.1 per
    kWh costs 0.15 and emits 1.5 x the package's intensity for France."""
    result = warehouse.query("select marts.inference_footprint(3.6e6, 'FRA', 1.5, 0.1)")[0][0]
    assert result["wh"] == pytest.approx(1500, rel=1e-12)
    assert result["electricity_cost"] == pytest.approx(0.15, rel=1e-12)
    assert result["gco2e"] == pytest.approx(1.5 * package_countries()["FRA"]["carbon_intensity"], rel=1e-12)
    # no price given, no cost invented
    assert warehouse.query("select marts.inference_footprint(3.6e6, 'FRA')")[0][0]["electricity_cost"] is None
    con = duckdb.connect(str(warehouse.db_path), read_only=True)
    try:
        with pytest.raises(duckdb.Error, match="negative"):
            con.execute("select marts.inference_footprint(1.0, 'FRA', 1.2, -0.1)").fetchall()
    finally:
        con.close()
