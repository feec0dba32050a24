"""Calibration of datasheet estimates against MLPerf measured energy: every candidate of seed
calibration_candidates fitted on all calibration points, as coefficients and their unscaled
covariance (one row per candidate x pair of terms). The maths is src/inference_energy/science/calibration.py."""

from inference_energy.science.calibration import fit_candidates


def model(dbt, session):
    # in one order every build: least squares sums in row order (the last bits otherwise vary)
    points = dbt.ref("int_calibration_points").order("result_id").df()
    candidates = dbt.ref("stg_project__calibration_candidates").df()
    return fit_candidates(points, candidates)
