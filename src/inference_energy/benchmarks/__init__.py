"""Benchmarks that print figures (never assert a time) and publish them in reports/benchmarks.md."""
