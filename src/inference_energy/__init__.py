"""Inference energy warehouse: the Python side of the dbt + DuckDB project.

Rooms, by responsibility:
- science/: the fits the dbt Python models call (trends, bootstrap, sensitivity, calibration);
- publishing/: figures, the HTML report, Parquet exports and their contract checks;
- build/: what ./scripts/build runs around dbt (seed-file checks, build state, verification,
  failure printing);
- catalogue/: pricing your own models (`inference-energy estimate`) and its validation page;
- benchmarks/: the measured benchmarks behind reports/benchmarks.md;
- cli.py: the `inference-energy` console command.
"""

from pathlib import Path

# The checkout this package lies in (src/inference_energy/ below it): its warehouse, reports
# and seeds are the defaults of the command-line tools.
REPO = Path(__file__).resolve().parents[2]
