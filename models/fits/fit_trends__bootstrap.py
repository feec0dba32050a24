"""Bootstrap intervals of the paper's trends (src/inference_energy/science/trend_bootstrap.py): GPU points and models
resampled jointly, efficiency and energy refitted each time, seeded (dbt_project.yml)."""

from inference_energy.science.trend_bootstrap import bootstrap_trends


def model(dbt, session):
    gpu = dbt.ref("int_gpu_efficiency_fit_points").df()
    # only the columns it reads: a seed of 100 k models stays small in pandas
    models = (
        dbt.ref("int_models_flagged")
        .project("model_id, domain, release_date, gflops, is_cutting_edge, cutting_edge_rule")
        .df()
    )
    return bootstrap_trends(
        gpu.rename(columns={"launch_date": "x_date", "gflops_per_watt": "y_value"}),
        models[models["gflops"].notna()].rename(columns={"release_date": "x_date"}),
        {"cv": "gpu_efficiency_cv", "nlp": "gpu_efficiency_nlp"},
        dbt.config.get("reference_date"),
        int(dbt.config.get("bootstrap_resamples")),
        int(dbt.config.get("bootstrap_seed")),
    )
