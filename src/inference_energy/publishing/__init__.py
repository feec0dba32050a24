"""Publishing: the figures, the HTML report, the Parquet exports and their BI contract checks.
Everything here only reads a built warehouse."""
