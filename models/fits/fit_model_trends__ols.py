"""Compute and energy trends (Figs. 3, 6, 9, 10): log10(GFLOPs or Joules) ~ release date.

Same fitting code and parameters as fit_gpu_efficiency__ols (scripts/trend_fits.py).
"""

from trend_fits import fit_trends


def model(dbt, session):
    points = dbt.ref("int_model_trend_points").df()
    return fit_trends(
        points[["trend_id", "x_date", "y_value"]],
        reference_date=dbt.config.get("reference_date"),
        confidence_level=float(dbt.config.get("confidence_level")),
        min_points=int(dbt.config.get("min_points")),
    )
