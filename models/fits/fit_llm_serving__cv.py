"""Cross-validated LLM serving predictions (src/inference_energy/science/llm_serving.py): every
fitted row predicted by every candidate of seed llm_serving_candidates fitted without the row's
GPU (leave_one_chip_out) or round / leaderboard version (leave_one_round_out), and by the fit on
all rows (all_rows, what the parameters mart holds). A fold that cannot be fitted keeps its rows
with null predictions and the reason."""

import pandas as pd

from inference_energy.science.llm_serving import POINT_COLUMNS, FitFailed, cross_validate, fit, parameter_rows, predict

SCHEMES = {"leave_one_chip_out": "chip", "leave_one_round_out": "round_label"}


def model(dbt, session):
    points = dbt.ref("int_llm_measurements_mapped").filter("exclusion_reason is null").order("llm_measurement_id").df()
    points = points[list(POINT_COLUMNS)]
    candidates = dbt.ref("stg_project__llm_serving_candidates").df()
    parts = []
    for candidate_id in sorted(candidates["candidate_id"]):
        for scheme, group in SCHEMES.items():
            frame = cross_validate(points, candidate_id, group)
            frame["candidate_id"], frame["scheme"] = candidate_id, scheme
            parts.append(frame)
        frame = pd.DataFrame({"llm_measurement_id": points["llm_measurement_id"].to_numpy(), "held_out": None})
        try:
            predicted = predict(candidate_id, parameter_rows(candidate_id, fit(points, candidate_id)), points)
            frame["predicted_log10_joules"] = predicted["predicted_log10_joules"].to_numpy()
            frame["pred95_half_width_log10"] = predicted["pred95_half_width_log10"].to_numpy()
            frame["fit_failure"] = None
        except FitFailed as failure:
            frame["predicted_log10_joules"], frame["pred95_half_width_log10"], frame["fit_failure"] = (
                None,
                None,
                str(failure),
            )
        frame["candidate_id"], frame["scheme"] = candidate_id, "all_rows"
        parts.append(frame)
    out = pd.concat(parts, ignore_index=True)
    columns = [
        "candidate_id",
        "scheme",
        "llm_measurement_id",
        "held_out",
        "predicted_log10_joules",
        "pred95_half_width_log10",
        "fit_failure",
    ]
    return out[columns].astype(
        {
            "predicted_log10_joules": float,
            "pred95_half_width_log10": float,
            "held_out": "string",
            "fit_failure": "string",
        }
    )
