"""Compute and energy refits over the paper's and the 2021-2025 models ('__extended' trends).

Same fitting code and parameters as the paper's fits (src/inference_energy/science/trend_fits.py).
"""

from inference_energy.science.trend_fits import fit_trends_configured


def model(dbt, session):
    return fit_trends_configured(
        dbt.ref("int_extended_model_trend_points").df(),
        dbt.config.get("reference_date"),
        dbt.config.get("confidence_level"),
        dbt.config.get("min_points"),
    )
