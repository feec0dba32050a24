"""The LLM serving model (src/inference_energy/science/llm_serving.py): every candidate of seed
llm_serving_candidates fitted on all fitted rows (int_llm_measurements_mapped without an
exclusion reason), as its long parameter table; a candidate that cannot be fitted keeps one row
with the reason."""

import pandas as pd

from inference_energy.science.llm_serving import PARAMETER_COLUMNS, POINT_COLUMNS, FitFailed, fit, parameter_rows


def model(dbt, session):
    # in one order every build: least squares sums in row order
    points = dbt.ref("int_llm_measurements_mapped").filter("exclusion_reason is null").order("llm_measurement_id").df()
    points = points[list(POINT_COLUMNS)]
    candidates = dbt.ref("stg_project__llm_serving_candidates").df()
    parts = []
    for candidate_id in sorted(candidates["candidate_id"]):
        try:
            rows = parameter_rows(candidate_id, fit(points, candidate_id))
            rows["fit_failure"] = None
        except FitFailed as failure:
            rows = pd.DataFrame(
                [
                    {
                        "candidate_id": candidate_id,
                        "parameter": "fit_failed",
                        "estimate": None,
                        "fit_failure": str(failure),
                    }
                ]
            )
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True)
    return out[[*PARAMETER_COLUMNS, "fit_failure"]].astype(
        {"estimate": float, "parameter_level": "string", "scenario": "string"}
    )
