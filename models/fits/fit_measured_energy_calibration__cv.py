"""Cross-validation of every model of measured energy (seed calibration_candidates): each
calibration point predicted by a fit that leaves its chip out (what a user pricing a GPU never
measured needs), its GPU out, and its MLPerf round out. Measured-system candidates:
src/inference_energy/science/measured_system.py; baselines: src/inference_energy/science/calibration.py.
A fold that cannot be fitted keeps its points with null predictions and the reason."""

import pandas as pd

from inference_energy.science import calibration, measured_system

SCHEMES = (("leave_one_chip_out", "chip"), ("leave_one_gpu_out", "gpu_id"), ("leave_one_round_out", "round_label"))


def model(dbt, session):
    # in one order every build: least squares sums in row order (the last bits otherwise vary)
    points = dbt.ref("int_calibration_points").order("result_id").df()
    candidates = dbt.ref("stg_project__calibration_candidates").df().sort_values("candidate_id")
    parts = []
    for row in candidates.itertuples(index=False):
        for scheme, group in SCHEMES:
            if row.model_kind == "measured_system":
                held = measured_system.cross_validate(points, row.candidate_id, row.terms.split(), group)
            else:
                # the baselines' precision effect is the compute format's
                held = calibration.cross_validate(
                    points.assign(precision=points["compute_format"]), row.terms.split(), group
                )
                held = held.rename(columns={"predicted": "predicted_log10_joules", "half": "pred95_half_width_log10"})
                held["fit_failure"] = None
            held["candidate_id"] = row.candidate_id
            held["scheme"] = scheme
            parts.append(held)
    out = pd.concat(parts, ignore_index=True)
    return out[
        ["result_id", "candidate_id", "scheme", "predicted_log10_joules", "pred95_half_width_log10", "fit_failure"]
    ]
