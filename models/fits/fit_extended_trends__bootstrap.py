"""Bootstrap intervals of the refits over both datasets ('__extended'), as fit_trends__bootstrap;
LLMs divide by the NLP efficiency refit. Its own random stream (set_index 1), so adding extension
rows never changes the paper's bootstrap."""

from inference_energy.science.trend_bootstrap import bootstrap_trends


def model(dbt, session):
    gpu = dbt.ref("int_extended_gpu_efficiency_fit_points").df()
    # only the columns it reads: large seeds stay small in pandas
    models = (
        dbt.ref("int_extended_models_flagged")
        .project("model_id, domain, release_date, gflops, is_cutting_edge, cutting_edge_rule")
        .df()
    )
    return bootstrap_trends(
        gpu.rename(columns={"launch_date": "x_date", "gflops_per_watt": "y_value"}),
        models[models["gflops"].notna()].rename(columns={"release_date": "x_date"}),
        {
            "cv": "gpu_efficiency_cv__extended",
            "nlp": "gpu_efficiency_nlp__extended",
            "llm": "gpu_efficiency_nlp__extended",
        },
        dbt.config.get("reference_date"),
        int(dbt.config.get("bootstrap_resamples")),
        int(dbt.config.get("bootstrap_seed")),
        suffix="__extended",
        set_index=1,
    )
