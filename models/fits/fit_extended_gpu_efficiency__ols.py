"""GPU efficiency refits over the paper's and the 2020-2025 GPUs ('__extended' trends).

Same fitting code and parameters as the paper's fits (src/inference_energy/science/trend_fits.py).
"""

from inference_energy.science.trend_fits import fit_trends_configured


def model(dbt, session):
    points = dbt.ref("int_extended_gpu_efficiency_fit_points").df()
    points = points.rename(columns={"launch_date": "x_date", "gflops_per_watt": "y_value"})
    return fit_trends_configured(
        points,
        dbt.config.get("reference_date"),
        dbt.config.get("confidence_level"),
        dbt.config.get("min_points"),
    )
