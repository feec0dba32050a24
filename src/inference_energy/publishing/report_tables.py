"""What the report shows, as rows and captions: each function turns one mart (a DataFrame) into
the rows of one table of the page; the captions name the figures. No number is computed here
that a mart does not hold; only formatting. Figure captions are data: seed figures, mart dim_figures."""

from __future__ import annotations

import pandas as pd

METHOD_LABELS = {"paper_method": "Paper's method (trend at launch date)", "datasheet_method": "Datasheet peak"}


def fmt(value, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "\u2013"
    if isinstance(value, (int, float)):
        # large numbers whole, with thousands separators (a column of fixed decimals has no 1.58e+04
        # in it); only the very large and the very small in scientific notation
        if 1e4 <= abs(value) < 1e12:
            return f"{value:,.0f}"
        return f"{value:.{digits}g}" if abs(value) >= 1e12 or abs(value) < 1e-3 else f"{value:.{digits}f}"
    return str(value)


def key_numbers(fits: pd.DataFrame) -> list[dict]:
    """Rows of the key-numbers table: the trends seed trend_definitions gives a report label."""
    shown = fits[fits["report_label"].notna()].sort_values("report_order")
    rows = []
    for _, fit in shown.iterrows():
        if pd.notna(fit["doubling_time_years_ci95_low"]):
            doubling = (
                f"{fit['doubling_time_years']:.2f} [{fit['doubling_time_years_ci95_low']:.2f}, "
                f"{fit['doubling_time_years_ci95_high']:.2f}]"
            )
        else:
            doubling = f"{fit['doubling_time_years']:.2f} (interval spans 0)"
        rows.append(
            {
                "label": fit["report_label"],
                "n_points": int(fit["n_points"]),
                "growth": f"{fit['annual_growth_factor']:.2f} [{fit['annual_growth_factor_ci95_low']:.2f}, "
                f"{fit['annual_growth_factor_ci95_high']:.2f}]",
                "doubling": doubling,
                "r_squared": f"{fit['r_squared']:.2f}",
            }
        )
    return rows


def verdict_rows(conclusions: pd.DataFrame) -> list[dict]:
    """Rows of the verdict table (fct_paper_conclusions_checked), growth factors with intervals."""

    def factor(row, prefix):
        return (
            f"x{row[prefix + '_annual_growth_factor']:.2f} [{row[prefix + '_annual_growth_factor_ci95_low']:.2f}, "
            f"{row[prefix + '_annual_growth_factor_ci95_high']:.2f}]"
        )

    return [
        {
            "claim": r["claim"],
            "reference": r["paper_reference"],
            "paper": factor(r, "paper")
            + f" ({r['paper_first_date']:%Y}-{r['paper_last_date']:%Y}, n={r['paper_n_points']})",
            "extended": factor(r, "extended")
            + f" ({r['extended_first_date']:%Y}-{r['extended_last_date']:%Y}, n={r['extended_n_points']})",
            "verdict": r["verdict"],
            "reason": r["verdict_reason"],
            "reads": r["number_format"] + ("" if pd.isna(r["cutting_edge_rule"]) else f"; {r['cutting_edge_rule']}"),
        }
        for _, r in conclusions.iterrows()
    ]


def out_of_sample_rows(coverage: pd.DataFrame) -> list[dict]:
    """Rows of the out-of-sample table, as fct_gpu_out_of_sample_coverage computes them."""
    return [
        {
            "trend": r["paper_trend_id"],
            "role": r["paper_fit_role"].replace("_", " "),
            "n": int(r["n_peaks"]),
            "inside": int(r["n_inside_pred95"]),
            "n_after": int(r["n_after_fit_data"]),
            "inside_after": int(r["n_after_fit_data_inside_pred95"]),
            "median_ratio": f"{r['median_datasheet_to_fit_ratio']:.2f}",
        }
        for _, r in coverage.iterrows()
    ]


def sensitivity_summary(sensitivity: pd.DataFrame) -> dict:
    """Which conclusions survive every variant, in words computed from the mart."""
    per = sensitivity.groupby(["conclusion_id", "conclusion"], sort=True).agg(
        survives=("survives_every_variant", "first"),
        holding=("n_variants_holding", "first"),
        total=("n_variants", "first"),
    )
    failing = sensitivity[~sensitivity["claim_holds"]].groupby("conclusion_id")["variant_id"].apply(list)
    return {
        "survivors": [name for (_, name), r in per.iterrows() if r["survives"]],
        "fragile": [
            f"{name} (holds under {r['holding']} of {r['total']} variants; not under {', '.join(failing.get(cid, []))})"
            for (cid, name), r in per.iterrows()
            if not r["survives"]
        ],
        "n_variants": int(per["total"].min()),
    }


def calibration_rows(scores: pd.DataFrame) -> list[dict]:
    """The methods on the calibration points: the two estimates, every candidate held out by chip
    (what a GPU never measured gets; the choice is made there), and the chosen one by GPU and by
    round."""
    by_chip = scores["scheme"] == "leave_one_chip_out"
    shown = scores[scores["candidate_id"].isna() | by_chip | scores["is_chosen"]]
    shown = shown.assign(order=(~shown["scheme"].isin(["none", "leave_one_chip_out"])).astype(int))
    shown = shown.sort_values(["order", "scheme", "median_abs_log10_error"])
    kinds = {"measured_system": "measured system", "baseline": "baseline"}
    return [
        {
            "method": METHOD_LABELS.get(r["method"], r["candidate_id"]) + (" (chosen)" if r["is_chosen"] else ""),
            "kind": kinds.get(r["model_kind"], "estimate"),
            "scheme": r["scheme"].replace("_", " "),
            "n": int(r["n_predictions"]),
            "median_error": f"{r['median_abs_log10_error']:.3f} (x{10 ** r['median_abs_log10_error']:.2f})",
            "coverage": "\u2013" if pd.isna(r["pred95_coverage"]) else f"{100 * r['pred95_coverage']:.0f} %",
            "width": "\u2013" if pd.isna(r["median_pred95_width_ratio"]) else f"x{r['median_pred95_width_ratio']:.1f}",
        }
        for _, r in shown.iterrows()
    ]


def validation_rows(validation: pd.DataFrame) -> list[dict]:
    ordered = validation.sort_values(["table_ref", "architecture", "gpu_name", "precision"])
    return [
        {
            "table_ref": r["table_ref"],
            "architecture": r["architecture"],
            "gpu_name": r["gpu_name"],
            "precision": r["precision"],
            "measured": fmt(r["measured_joules"], 4),
            "published": fmt(r["published_estimate_joules"], 4),
            "estimate": f"{r['estimated_joules']:.4f} "
            f"[{r['estimated_joules_mean_ci95_low']:.4f}, {r['estimated_joules_mean_ci95_high']:.4f}]",
            "pred95": f"[{r['estimated_joules_pred95_low']:.4f}, {r['estimated_joules_pred95_high']:.4f}]",
            "ratio": f"{r['measured_to_estimated_ratio']:.2f}",
            "inside": "yes" if r["is_measured_inside_pred95"] else "no",
            "validity": "valid-inside" if r["is_measured_inside_pred95"] else "valid-outside",
            "status": r["status"],
        }
        for _, r in ordered.iterrows()
    ]


def errata_rows(errata: pd.DataFrame) -> list[dict]:
    return [
        {
            "table_ref": r["table_ref"],
            "row_label": r["row_label"],
            "printed_value": str(r["printed_value"]),
            "derived": fmt(r["derived_value"], 4),
            "explanation": r["explanation"],
        }
        for _, r in errata.iterrows()
    ]


def edge_device_rows(devices: pd.DataFrame) -> list[dict]:
    return [
        {
            "device": r["device_name"],
            "year": "" if pd.isna(r["release_year"]) else int(r["release_year"]),
            "type": r["device_type"],
            "gops_per_watt": fmt(r["gops_per_watt"]),
            "best_gpu": "" if pd.isna(r["best_gpu_id"]) else r["best_gpu_id"],
            "best_gpu_gflops_per_watt": fmt(r["best_gpu_tensor_gflops_per_watt"]),
            "ratio": fmt(r["ratio_to_best_gpu"]),
        }
        for _, r in devices.iterrows()
    ]


def edge_system_rows(systems: pd.DataFrame) -> list[dict]:
    return [
        {
            "system": r["system_name"],
            "year": "" if pd.isna(r["launch_year"]) else int(r["launch_year"]),
            "images_per_second": fmt(r["resnet50_images_per_second"], 5),
            "watts": fmt(r["watts"]),
            "joules": fmt(r["joules_per_image"]),
            "printed": fmt(r["published_joules_per_image"]),
        }
        for _, r in systems.iterrows()
    ]


def reference_rows(references: pd.DataFrame) -> list[dict]:
    return [
        {
            "number": int(r["ref_number"]),
            "authors": r["authors"],
            "title": r["title"],
            "year": int(r["publication_year"]),
            "venue": "" if pd.isna(r["venue"]) else r["venue"],
            "link": None if pd.isna(r["link"]) else r["link"],
            "cited": int(r["n_cited_values"]),
        }
        for _, r in references.iterrows()
    ]


BENCHMARK_LABELS = {"resnet50": "ResNet-50 (one image)", "bert_large": "BERT-large (one query)"}


def today_rows(predictions: pd.DataFrame) -> list[dict]:
    """Rows of the report's first table: what one inference takes today, per benchmark model on
    current GPUs (fct_measured_energy_predictions as build_report selects it), with the 95 %
    prediction interval of one new measurement."""
    return [
        {
            "benchmark": BENCHMARK_LABELS.get(r["benchmark"], r["benchmark"]),
            "gpu": r["gpu_name"],
            "launched": f"{r['launch_date']:%Y-%m}",
            # three significant digits: J per sample spans 0.002 to 2 across these rows
            "joules": f"{r['predicted_joules_per_sample']:.3g}",
            "pred95": f"[{r['pred95_low_joules_per_sample']:.3g}, {r['pred95_high_joules_per_sample']:.3g}]",
            "measured": "yes" if r["is_gpu_measured"] else "no",
        }
        for _, r in predictions.iterrows()
    ]


def verdict_headline(conclusions: pd.DataFrame) -> str:
    """One sentence over the verdict table: how many of the paper's claims hold, and the others."""
    counts = conclusions["verdict"].value_counts()
    order = [v for v in VERDICT_ORDER if v in counts] + sorted(set(counts.index) - set(VERDICT_ORDER))
    parts = [f"{v.replace('_', ' ')}: {counts[v]}" for v in order]
    moved = conclusions[conclusions["verdict"].isin(["weakened", "reversed"])]["claim"].tolist()
    sentence = f"Of the paper's {len(conclusions)} claims checked against 2021-2025 data: {', '.join(parts)}."
    if moved:
        sentence += " Not holding as printed: " + "; ".join(moved) + "."
    return sentence


# holds / weakened / reversed decide; inconclusive and not tested cannot; a restated claim is not judged again
VERDICT_ORDER = ["holds", "weakened", "reversed", "inconclusive", "not_tested", "follows_from_another"]


LLM_CANDIDATE_LABELS = {
    "paper_formula": "paper's formula (Eq. 2 per output token)",
    "flops_calibration": "FLOPs-only calibration",
    "prefill_decode": "prefill/decode serving model",
}


def llm_score_rows(scores: pd.DataFrame) -> list[dict]:
    """Every LLM serving candidate by GPU held out and by round held out, the chosen first."""
    shown = scores[scores["scheme"] != "all_rows"].sort_values(["scheme", "median_abs_log10_error"])

    def error(value) -> str:
        return "\u2013" if pd.isna(value) else f"{value:.3f} (x{10**value:.2f})"

    return [
        {
            "method": LLM_CANDIDATE_LABELS.get(r["candidate_id"], r["candidate_id"])
            + (" (chosen)" if r["is_chosen"] else ""),
            "scheme": r["scheme"].replace("_", " "),
            "n": int(r["n_rows"]),
            "median_error": error(r["median_abs_log10_error"]),
            "coverage": "\u2013" if pd.isna(r["pred95_coverage"]) else f"{100 * r['pred95_coverage']:.0f} %",
            "width": "\u2013" if pd.isna(r["median_pred95_width_ratio"]) else f"x{r['median_pred95_width_ratio']:.1f}",
            "mlperf_error": error(r["mlperf_median_abs_log10_error"]),
        }
        for _, r in shown.iterrows()
    ]


def llm_example(row: dict) -> dict:
    """The worked example of the report's LLM section, from the macro's struct."""
    return {
        "per_request": f"{row['joules_per_request']:.0f}",
        "per_token": f"{row['joules_per_output_token']:.3f}",
        "low": f"{row['pred95_low_joules_per_output_token']:.3f}",
        "high": f"{row['pred95_high_joules_per_output_token']:.3f}",
        "wh_per_request": f"{row['joules_per_request'] / 3600:.3f}",
    }


def scenario_rows(scenarios: pd.DataFrame) -> list[dict]:
    """Each usage scenario at each year read (fct_usage_scenario_forecasts), Fig. E13's order."""
    rows = scenarios.sort_values(["scenario_id", "reading_year"])

    def amount(value) -> str:
        # 3 significant digits, whole numbers with thousands separators from 100 up
        return "\u2013" if pd.isna(value) else f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"

    def interval(low, high) -> str:
        return "\u2013" if pd.isna(low) else f"{amount(low)}\u2013{amount(high)}"

    return [
        {
            "scenario": r["scenario_id"].replace("_", " "),
            "year": int(r["reading_year"]),
            "basis": r["energy_basis"].replace("_", " ") + (" (extrapolated)" if r["is_extrapolated"] is True else ""),
            "twh": amount(r["twh_per_year"]),
            "twh_pred95": interval(r["twh_per_year_pred95_low"], r["twh_per_year_pred95_high"]),
            "world_share": f"{100 * r['share_of_world_generation']:.3g} %",
            "region": r["compared_region_code"],
            "region_share": f"{100 * r['share_of_compared_region_generation']:.3g} %",
            "mt_co2e": amount(r["mt_co2e_per_year"]),
        }
        for _, r in rows.iterrows()
    ]


OWN_MODELS_SHOWN = 10


def own_model_rows(models: pd.DataFrame, shown: int = OWN_MODELS_SHOWN) -> dict:
    """The report's "Your own models": the first lines of the catalogue's estimates (dearest per
    year first, as the query orders them) and the totals per day and per year of every line."""
    return {
        "rows": [
            {
                "name": r["model_name"],
                "method": r["method"],
                "joules": fmt(r["joules"], 4),
                "per_day": fmt(r["inferences_per_day"]),
                "kwh": fmt(r["kwh_per_year"]),
                "gco2e": fmt(r["gco2e_per_year"]),
                "region": r["region_code"] if isinstance(r["region_code"], str) else "\u2013",
                "extrapolated": "yes" if r["is_extrapolated"] is True else "no",
            }
            for _, r in models.head(shown).iterrows()
        ],
        "n_hidden": max(len(models) - shown, 0),
        "total_per_day": fmt(float(models["inferences_per_day"].sum())),
        "total_kwh": fmt(float(models["kwh_per_year"].sum())),
        "total_gco2e": fmt(float(models["gco2e_per_year"].sum())),
        "n_with_rate": int(models["inferences_per_day"].notna().sum()),
    }


def validation_split_rows(split: pd.DataFrame) -> list[dict]:
    """K.10/K.11 by measured precision, then by GPU (fct_energy_validation_by_group, in its order)."""
    return [
        {
            "split_by": r["split_by"],
            "group": r["group_value"],
            "n": int(r["n_measurements"]),
            "geometric_mean": f"x{r['geometric_mean_measured_to_estimated']:.2f}",
            "range": f"x{r['min_measured_to_estimated']:.2f}\u2013x{r['max_measured_to_estimated']:.2f}",
            "inside": f"{int(r['n_inside_pred95'])} of {int(r['n_measurements'])}",
        }
        for _, r in split.iterrows()
    ]
