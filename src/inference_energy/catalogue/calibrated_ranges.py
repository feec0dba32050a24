"""The data each estimate's model was fitted on, as the range a prediction stays inside: what
scripts/estimate flags as is_outside_calibrated_range (the catalogue's marts compute the same in
int_catalogue_models_estimated)."""

from __future__ import annotations

import duckdb

# The data each method was fitted on, as the range a prediction stays inside: the paper's GPU
# efficiency fits (launch dates), the MLPerf results of the measured-system model (GFLOPs per sample of
# its calibration points) and the measured LLM rows of the serving model (active parameters).
CALIBRATED_RANGES_SQL = """
select
    (select min(first_date)::date from marts.fct_trend_fits where dataset = 'paper' and quantity = 'gpu_efficiency'),
    (select max(last_date)::date from marts.fct_trend_fits where dataset = 'paper' and quantity = 'gpu_efficiency'),
    (select min(gflops_per_sample) from marts.fct_measured_vs_estimated where is_calibration_point),
    (select max(gflops_per_sample) from marts.fct_measured_vs_estimated where is_calibration_point),
    (select min(active_params_b) from marts.fct_llm_measured_vs_estimated where exclusion_reason is null),
    (select max(active_params_b) from marts.fct_llm_measured_vs_estimated where exclusion_reason is null)
"""


def literals(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The ranges of CALIBRATED_RANGES_SQL as SQL literals for estimate.ESTIMATE_SQL (read once per run)."""
    [(paper_first, paper_last, measured_low, measured_high, llm_low, llm_high)] = con.execute(
        CALIBRATED_RANGES_SQL
    ).fetchall()
    return {
        "measured_low": repr(float(measured_low)),
        "measured_high": repr(float(measured_high)),
        "llm_low": repr(float(llm_low)),
        "llm_high": repr(float(llm_high)),
        "paper_range": f"'GPU launch dates {paper_first} to {paper_last} (the paper efficiency fits)'",
        "measured_range": f"'{measured_low:g} to {measured_high:g} GFLOPs per sample (MLPerf results fitted)'",
        "llm_range": f"'{llm_low:g} to {llm_high:g} B active parameters (measured LLM rows fitted)'",
    }
