"""Cross-validation of the calibration candidates: each calibration point predicted by a fit
that leaves its GPU out (what a user predicting an unmeasured GPU needs) and by one that leaves
its MLPerf round out. The maths is src/inference_energy/science/calibration.py."""

from inference_energy.science.calibration import cross_validate_candidates


def model(dbt, session):
    # in one order every build: least squares sums in row order (the last bits otherwise vary)
    points = dbt.ref("int_calibration_points").order("result_id").df()
    candidates = dbt.ref("stg_project__calibration_candidates").df()
    return cross_validate_candidates(points, candidates)
