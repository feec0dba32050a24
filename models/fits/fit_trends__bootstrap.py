"""Bootstrap intervals of every trend (src/inference_energy/science/trend_bootstrap.py): GPU points
and models resampled jointly, efficiency and energy refitted each time, seeded (dbt_project.yml).
One set per trend dataset, each with its own random stream (the paper's set 0, the refits over
both datasets set 1), so adding extension rows never changes the paper's bootstrap."""

import pandas as pd

from inference_energy.science.trend_bootstrap import bootstrap_trends

# trend dataset -> (its random stream, the suffix bootstrap_trends gives its model trend ids)
SETS = {"paper": (0, ""), "paper_and_extension": (1, "__extended")}


def model(dbt, session):
    gpu = dbt.ref("int_gpu_efficiency_fit_points").project("dataset, trend_id, launch_date, gflops_per_watt").df()
    gpu = gpu.rename(columns={"launch_date": "x_date", "gflops_per_watt": "y_value"})
    # only the columns it reads: a seed of 100 k models stays small in pandas
    models = (
        dbt.ref("int_models_flagged")
        .project("trend_dataset, model_id, domain, release_date, gflops, is_cutting_edge, cutting_edge_rule")
        .df()
    )
    models = models[models["gflops"].notna()].rename(columns={"release_date": "x_date"})
    definitions = dbt.ref("stg_project__trend_definitions").df()
    parts = []
    for dataset, (set_index, suffix) in SETS.items():
        efficiency = definitions[
            (definitions["quantity"] == "gpu_efficiency") & (definitions["dataset"] == dataset)
        ].set_index("domain")["trend_id"]
        efficiency_of_domain = efficiency.to_dict()
        in_set = models[models["trend_dataset"] == dataset].drop(columns="trend_dataset")
        if "llm" in set(in_set["domain"]):
            # decoder LLMs divide by the NLP efficiency (the paper's method for language models)
            efficiency_of_domain["llm"] = efficiency_of_domain["nlp"]
        parts.append(
            bootstrap_trends(
                gpu[gpu["dataset"] == dataset].drop(columns="dataset"),
                in_set,
                efficiency_of_domain,
                dbt.config.get("reference_date"),
                int(dbt.config.get("bootstrap_resamples")),
                int(dbt.config.get("bootstrap_seed")),
                suffix=suffix,
                set_index=set_index,
            )
        )
    return pd.concat(parts, ignore_index=True)
