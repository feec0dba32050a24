"""Honest uncertainty: the two intervals (mean_ci95 of the fitted mean, pred95 of one new
point), the K.10/K.11 coverage, and the seeded bootstrap of the trends."""

from __future__ import annotations

import csv
import math

import numpy as np
import pandas as pd
import pytest
from conftest import REPO, project_var
from scipy import stats

from inference_energy.science import trend_bootstrap


def synthetic(n_gpus=30, n_models=60, seed=3):
    rng = np.random.default_rng(seed)
    gpu_dates = pd.to_datetime("2012-01-01") + pd.to_timedelta(rng.uniform(0, 3650, n_gpus), unit="D")
    gpu_x = (gpu_dates - pd.Timestamp("2010-01-01")).days / 365.25
    gpus = pd.DataFrame(
        {
            "trend_id": "gpu_efficiency_cv",
            "x_date": gpu_dates,
            "y_value": 10 ** (1 + 0.11 * gpu_x + rng.normal(0, 0.1, n_gpus)),
        }
    )
    model_dates = pd.to_datetime("2012-06-01") + pd.to_timedelta(rng.uniform(0, 3300, n_models), unit="D")
    models = pd.DataFrame(
        {
            "model_id": [f"m{i:03d}" for i in range(n_models)],
            "domain": "cv",
            "x_date": model_dates,
            "gflops": 10 ** rng.normal(1, 0.7, n_models),
            "is_cutting_edge": np.arange(n_models) % 6 == 0,
            "cutting_edge_rule": "best_of_year",
        }
    )
    return gpus, models


def run(gpus, models, seed=7):
    return trend_bootstrap.bootstrap_trends(gpus, models, {"cv": "gpu_efficiency_cv"}, "2010-01-01", 1000, seed)


def test_the_bootstrap_is_deterministic_and_seeded():
    gpus, models = synthetic()
    first = run(gpus, models)
    shuffled = run(gpus.sample(frac=1, random_state=1), models.sample(frac=1, random_state=2))
    pd.testing.assert_frame_equal(first, shuffled)  # input order does not matter
    assert not run(gpus, models, seed=8)[["slope_bootstrap95_low"]].equals(first[["slope_bootstrap95_low"]])
    assert set(first["trend_id"]) == {
        "gpu_efficiency_cv",
        "compute_cv_all",
        "compute_cv_best_of_year",
        "energy_cv_all",
        "energy_cv_best_of_year",
    }
    with pytest.raises(ValueError, match="at least 1000"):
        trend_bootstrap.bootstrap_trends(gpus, models, {"cv": "gpu_efficiency_cv"}, "2010-01-01", 100, 7)


def loop_bootstrap(gpus, models, n_resamples, seed):
    """The bootstrap written plainly, one resample and one fit at a time: the reference the
    batched implementation must reproduce (same draws, same fits)."""

    def ols(x, y):
        if x.size < 3 or np.ptp(x) == 0:
            return np.nan, np.nan
        slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
        return y.mean() - slope * x.mean(), slope

    rng = np.random.default_rng([seed, 0])
    gpus = gpus.sort_values(["trend_id", "x_date", "y_value"])
    models = models.sort_values(["domain", "model_id"])
    gx = ((gpus["x_date"] - pd.Timestamp("2010-01-01")).dt.days / 365.25).to_numpy()
    gy = np.log10(gpus["y_value"].to_numpy())
    mx = ((models["x_date"] - pd.Timestamp("2010-01-01")).dt.days / 365.25).to_numpy()
    my = np.log10(models["gflops"].to_numpy())
    edge = models["is_cutting_edge"].to_numpy()
    slopes = {
        key: []
        for key in (
            "gpu_efficiency_cv",
            "compute_cv_all",
            "compute_cv_best_of_year",
            "energy_cv_all",
            "energy_cv_best_of_year",
        )
    }
    for _ in range(n_resamples):
        pick = rng.integers(0, gx.size, gx.size)
        intercept, slope = ols(gx[pick], gy[pick])
        slopes["gpu_efficiency_cv"].append(slope)
        pick = rng.integers(0, mx.size, mx.size)
        xs, ys, is_edge = mx[pick], my[pick], edge[pick]
        for quantity, values in (("compute", ys), ("energy", ys - (intercept + slope * xs))):
            slopes[f"{quantity}_cv_all"].append(ols(xs, values)[1])
            slopes[f"{quantity}_cv_best_of_year"].append(ols(xs[is_edge], values[is_edge])[1])
    out = {}
    for key, values in slopes.items():
        values = np.asarray(values)
        finite = values[np.isfinite(values)]
        out[key] = (*np.percentile(finite, [2.5, 97.5]), values.size - finite.size)
    return out


def test_the_batched_bootstrap_reproduces_one_resample_at_a_time(monkeypatch):
    """Resamples are drawn in order and fitted in batches: the intervals and the count of
    resamples that cannot fit (a resample with fewer than 3 cutting-edge models) are those of
    the plain loop, whatever the batch size."""
    gpus, models = synthetic(n_gpus=12, n_models=24)
    models["is_cutting_edge"] = np.arange(24) % 8 == 0  # 3 of 24: many resamples draw fewer than 3
    expected = loop_bootstrap(gpus, models, 1000, 7)
    assert expected["compute_cv_best_of_year"][2] > 0
    # batches of all 1000, and of 6 with a short last one (250 points)
    for chunk_points in (trend_bootstrap.CHUNK_POINTS, 250):
        monkeypatch.setattr(trend_bootstrap, "CHUNK_POINTS", chunk_points)
        got = run(gpus, models).set_index("trend_id")
        for trend, (low, high, failed) in expected.items():
            assert got.loc[trend, "slope_bootstrap95_low"] == pytest.approx(low, rel=1e-12)
            assert got.loc[trend, "slope_bootstrap95_high"] == pytest.approx(high, rel=1e-12)
            assert got.loc[trend, "bootstrap_failed_resamples"] == failed


def test_the_bootstrap_interval_of_a_clean_line_matches_ols():
    """With normal errors the percentile interval of the efficiency slope is close to OLS's."""
    gpus, models = synthetic(n_gpus=80)
    boot = run(gpus, models).set_index("trend_id").loc["gpu_efficiency_cv"]
    x = (gpus["x_date"] - pd.Timestamp("2010-01-01")).dt.days / 365.25
    ols = stats.linregress(x, np.log10(gpus["y_value"]))
    t = stats.t.ppf(0.975, x.size - 2)
    low, high = ols.slope - t * ols.stderr, ols.slope + t * ols.stderr
    width = high - low
    assert boot["slope_bootstrap95_low"] == pytest.approx(low, abs=0.2 * width)
    assert boot["slope_bootstrap95_high"] == pytest.approx(high, abs=0.2 * width)


def test_energy_bootstrap_is_wider_than_compute_alone():
    """The energy trend carries the efficiency fit's uncertainty too."""
    gpus, models = synthetic()
    boot = run(gpus, models).set_index("trend_id")
    width = boot["slope_bootstrap95_high"] - boot["slope_bootstrap95_low"]
    assert width["energy_cv_all"] > width["compute_cv_all"]


def test_marts_bootstrap_is_reproduced_bit_for_bit(warehouse):
    """The warehouse's bootstrap, recomputed here from its own inputs, is the same to the last bit."""
    gpus = pd.DataFrame(
        warehouse.query(
            "select trend_id, launch_date, gflops_per_watt from intermediate.int_gpu_efficiency_fit_points "
            "where dataset = 'paper'"
        ),
        columns=["trend_id", "x_date", "y_value"],
    )
    models = pd.DataFrame(
        warehouse.query(
            "select model_id, domain, release_date, gflops, is_cutting_edge, cutting_edge_rule "
            "from intermediate.int_models_flagged where trend_dataset = 'paper' and gflops is not null"
        ),
        columns=["model_id", "domain", "x_date", "gflops", "is_cutting_edge", "cutting_edge_rule"],
    )
    [(resamples, seed)] = warehouse.query(
        "select distinct bootstrap_resamples, bootstrap_seed from marts.fct_trend_fits where dataset = 'paper'"
    )
    again = trend_bootstrap.bootstrap_trends(
        gpus, models, {"cv": "gpu_efficiency_cv", "nlp": "gpu_efficiency_nlp"}, "2010-01-01", resamples, seed
    ).set_index("trend_id")
    stored = dict(
        (t, (lo, hi))
        for t, lo, hi in warehouse.query(
            "select trend_id, slope_bootstrap95_low, slope_bootstrap95_high from marts.fct_trend_fits "
            "where dataset = 'paper'"
        )
    )
    assert set(stored) == set(again.index)
    for trend, (low, high) in stored.items():
        assert (low, high) == (again.loc[trend, "slope_bootstrap95_low"], again.loc[trend, "slope_bootstrap95_high"])


def test_every_trend_has_bootstrap_intervals_around_its_slope(warehouse):
    rows = warehouse.query(
        "select trend_id, slope_log10_per_year, slope_bootstrap95_low, slope_bootstrap95_high from marts.fct_trend_fits"
    )
    assert rows and all(low is not None and high is not None and low < high for _, _, low, high in rows)
    # the OLS slope lies inside its bootstrap interval for every trend of this data (a percentile
    # interval of a very skewed resampling could exclude it: that would deserve a look)
    outside = [trend for trend, slope, low, high in rows if not low <= slope <= high]
    assert outside == []


def test_prediction_interval_contains_the_confidence_interval(warehouse):
    [(bad,)] = warehouse.query(
        "select count(*) from marts.fct_inference_energy where joules_per_inference is not null and not ("
        "joules_per_inference_pred95_low <= joules_per_inference_mean_ci95_low "
        "and joules_per_inference_mean_ci95_high <= joules_per_inference_pred95_high "
        "and gflops_per_watt_at_release_pred95_low <= gflops_per_watt_at_release_mean_ci95_low "
        "and gflops_per_watt_at_release_mean_ci95_high <= gflops_per_watt_at_release_pred95_high)"
    )
    [(bad_lines,)] = warehouse.query(
        "select count(*) from marts.fct_trend_lines where not ("
        "fitted_value_pred95_low <= fitted_value_mean_ci95_low "
        "and fitted_value_mean_ci95_high <= fitted_value_pred95_high)"
    )
    assert bad == 0 and bad_lines == 0


def test_validation_pred95_matches_scipy_and_coverage_is_counted(warehouse):
    """pred95 of one K.10/K.11 estimate recomputed with scipy from the fit's points; the coverage
    mart equals a count over the validation rows."""
    points = warehouse.query(
        "select launch_date, gflops_per_watt from intermediate.int_gpu_efficiency_fit_points "
        "where trend_id = 'gpu_efficiency_cv'"
    )
    x = np.array([(d - pd.Timestamp("2010-01-01").date()).days / 365.25 for d, _ in points])
    y = np.log10([v for _, v in points])
    n = x.size
    slope, intercept = np.polyfit(x, y, 1)
    s = math.sqrt(((y - intercept - slope * x) ** 2).sum() / (n - 2))
    rows = warehouse.query(
        "select v.gpu_launch_date, f.gflops, v.estimated_joules_pred95_low, v.estimated_joules_pred95_high "
        "from marts.fct_energy_validation as v inner join marts.fct_inference_energy as f "
        "on v.cv_model_id = f.model_id and f.domain = 'cv'"
    )
    assert rows
    for launch, gflops, low, high in rows:
        x0 = (launch - pd.Timestamp("2010-01-01").date()).days / 365.25
        half = stats.t.ppf(0.975, n - 2) * s * math.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
        centre = intercept + slope * x0
        assert (low, high) == pytest.approx((gflops / 10 ** (centre + half), gflops / 10 ** (centre - half)))
    validation = pd.DataFrame(
        warehouse.query(
            "select table_ref, is_measured_inside_mean_ci95, is_measured_inside_pred95 from marts.fct_energy_validation"
        ),
        columns=["table_ref", "mean", "pred"],
    )
    coverage = {
        t: (n, m, p)
        for t, n, m, p in warehouse.query(
            "select table_ref, n_measurements, n_inside_mean_ci95, n_inside_pred95 "
            "from marts.fct_energy_validation_coverage"
        )
    }
    for table, group in validation.groupby("table_ref"):
        assert coverage[table] == (len(group), int(group["mean"].sum()), int(group["pred"].sum()))
    assert coverage["K.10 and K.11"][0] == len(validation)


def test_the_validation_split_by_precision_and_gpu_is_each_groups_cases(warehouse):
    """fct_energy_validation_by_group against the cases of fct_energy_validation: per measured
    precision and per GPU, the count, the geometric mean and range of measured / estimated, and
    the cases inside pred95; every case counted once per split."""
    cases = pd.DataFrame(
        warehouse.query(
            "select precision, gpu_id, measured_joules / estimated_joules, is_measured_inside_pred95 "
            "from marts.fct_energy_validation"
        ),
        columns=["precision", "gpu", "ratio", "inside"],
    )
    split = {
        (by, value): row
        for by, value, *row in warehouse.query(
            "select split_by, group_value, n_measurements, geometric_mean_measured_to_estimated, "
            "min_measured_to_estimated, max_measured_to_estimated, n_inside_pred95 "
            "from marts.fct_energy_validation_by_group"
        )
    }
    assert len(split) == cases["precision"].nunique() + cases["gpu"].nunique()
    for by in ("precision", "gpu"):
        for value, group in cases.groupby(by):
            n, geometric_mean, low, high, inside = split[(by, value)]
            assert n == len(group) and inside == int(group["inside"].sum())
            assert geometric_mean == pytest.approx(float(np.exp(np.log(group["ratio"]).mean())), rel=1e-9)
            assert (low, high) == pytest.approx((group["ratio"].min(), group["ratio"].max()), rel=1e-9)


def test_verdicts_say_inconclusive_not_tested_and_restated_where_the_data_cannot_decide(warehouse):
    """A verdict is only holds / weakened / reversed where the refit can decide: a refit with no
    point after the paper's is not tested, a grows claim whose interval contains no growth is
    inconclusive, a flat claim holds only inside the equivalence margin, and a claim restating
    another algebraically is marked, not judged (values recomputed from the mart's own columns)."""
    margin = float(project_var("flat_equivalence_factor_per_year"))
    rows = warehouse.query(
        "select claim_id, claim_kind, follows_from_claim_id, paper_last_date, extended_last_date, "
        "paper_annual_growth_factor_ci95_low, extended_annual_growth_factor, "
        "extended_annual_growth_factor_ci95_low, extended_annual_growth_factor_ci95_high, verdict "
        "from marts.fct_paper_conclusions_checked"
    )
    claims = {r["claim_id"]: r for r in csv.DictReader(open(REPO / "seeds" / "project" / "paper_claims.csv"))}
    for claim, kind, follows, paper_last, last, paper_low, factor, low, high, verdict in rows:
        if claims[claim]["follows_from_claim_id"]:
            expected = "follows_from_another"
            assert follows == claims[claim]["follows_from_claim_id"]
        elif last <= paper_last:
            expected = "not_tested"
        elif kind == "grows":
            expected = (
                "reversed"
                if high < 1
                else "inconclusive"
                if low <= 1
                else "holds"
                if factor >= paper_low
                else "weakened"
            )
        elif kind == "flat":
            expected = (
                "reversed"
                if low > 1 or high < 1
                else "holds"
                if 1 / margin <= low and high <= margin
                else "inconclusive"
            )
        else:
            continue  # slower_than without a restatement: none in the seed today
        assert verdict == expected, claim
    assert {v for *_, v in rows} & {"inconclusive", "not_tested", "follows_from_another"}
