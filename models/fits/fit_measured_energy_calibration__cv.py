"""Cross-validation of the calibration candidates: each calibration point predicted by a fit
that leaves its GPU out (what a user predicting an unmeasured GPU needs) and by one that leaves
its MLPerf round out. The maths is scripts/calibration.py."""

from calibration import cross_validate_candidates


def model(dbt, session):
    points = dbt.ref("int_calibration_points").df()
    candidates = dbt.ref("stg_project__calibration_candidates").df()
    return cross_validate_candidates(points, candidates)
