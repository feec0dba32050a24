"""Compute and energy trends (Figs. 3, 6, 9, 10, and their refits over both datasets):
log10(GFLOPs or Joules) ~ release date, one fit per trend of int_model_trend_points.

Same fitting code and parameters as fit_gpu_efficiency__ols (src/inference_energy/science/trend_fits.py).
"""

from inference_energy.science.trend_fits import fit_trends_configured


def model(dbt, session):
    return fit_trends_configured(
        dbt.ref("int_model_trend_points").df(),
        dbt.config.get("reference_date"),
        dbt.config.get("confidence_level"),
        dbt.config.get("min_points"),
    )
