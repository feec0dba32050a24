"""Sensitivity of the paper's conclusions to its choices (src/inference_energy/science/sensitivity.py): every
conclusion recomputed under named variants, with its interval and whether the claim holds."""

from inference_energy.science.sensitivity import sensitivity_table


def model(dbt, session):
    return sensitivity_table(
        # the paper's points and models only: the sensitivity of the paper's own conclusions
        dbt.ref("int_gpu_efficiency_fit_points").filter("dataset = 'paper'").df(),
        dbt.ref("int_gpus_identified").df(),
        # only the columns it reads: a catalogue of 100 k models stays small in pandas
        dbt.ref("int_models_flagged")
        .filter("trend_dataset = 'paper'")
        .project("model_id, domain, release_date, gflops, is_cutting_edge")
        .df(),
        dbt.config.get("reference_date"),
        # the conclusions and what each measures: seed sensitivity_conclusions
        dbt.ref("stg_project__sensitivity_conclusions").df(),
    )
