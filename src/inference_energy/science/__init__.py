"""The science: trend fits, their bootstrap, the sensitivity of the paper's conclusions, and
the calibration against measured energy. Pure functions on DataFrames; dbt's Python models
(models/fits/) are thin wrappers around them."""
