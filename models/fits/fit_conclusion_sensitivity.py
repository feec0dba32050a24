"""Sensitivity of the paper's conclusions to its choices (scripts/sensitivity.py): every
conclusion recomputed under named variants, with its interval and whether the claim holds."""

from sensitivity import sensitivity_table


def model(dbt, session):
    return sensitivity_table(
        dbt.ref("int_gpu_efficiency_fit_points").df(),
        dbt.ref("int_gpus_identified").df(),
        dbt.ref("int_models_flagged").df(),
        dbt.config.get("reference_date"),
    )
