"""GPU efficiency trends (Figs. 7 and 8): log10(GFLOPS/W) ~ launch date, by OLS.

Thin wrapper: the maths lives in src/inference_energy/science/trend_fits.py (tested by pytest);
parameters come from this model's YAML config.
"""

from inference_energy.science.trend_fits import fit_trends_configured


def model(dbt, session):
    points = dbt.ref("int_gpu_efficiency_fit_points").df()
    points = points.rename(columns={"launch_date": "x_date", "gflops_per_watt": "y_value"})
    return fit_trends_configured(
        points,
        dbt.config.get("reference_date"),
        dbt.config.get("confidence_level"),
        dbt.config.get("min_points"),
    )
