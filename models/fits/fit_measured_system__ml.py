"""The measured-system model (src/inference_energy/science/measured_system.py): every candidate
of kind measured_system fitted on all calibration points, as its long parameter table, and one
row per candidate saying whether the fit converged (a candidate that did not keeps a row with
the reason, never silently dropped)."""

import pandas as pd

from inference_energy.science.measured_system import PARAMETER_COLUMNS, FitFailed, fit, parameter_rows


def model(dbt, session):
    # in one order every build: least squares sums in row order (the last bits otherwise vary)
    points = dbt.ref("int_calibration_points").order("result_id").df()
    candidates = dbt.ref("stg_project__calibration_candidates").filter("model_kind = 'measured_system'").df()
    parts = []
    for row in candidates.sort_values("candidate_id").itertuples(index=False):
        try:
            rows = parameter_rows(row.candidate_id, fit(points, row.terms.split()))
            rows["fit_failure"] = None
        except FitFailed as failure:
            rows = pd.DataFrame(
                [
                    {
                        "candidate_id": row.candidate_id,
                        "parameter": "fit_failed",
                        "estimate": None,
                        "fit_failure": str(failure),
                    }
                ]
            )
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True)
    return out[[*PARAMETER_COLUMNS, "fit_failure"]].astype({"estimate": float})
