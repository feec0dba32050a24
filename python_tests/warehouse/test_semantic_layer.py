"""The semantic layer (models/marts/_marts__semantic.yml): the docs' MetricFlow queries run
as written against a build, and a metric equals the same aggregate computed from the mart."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

import pandas as pd
import pytest
from conftest import REPO, VENV


def readme_mf_queries() -> list[str]:
    """Every `mf query` line of the README and the docs pages."""
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    return [line.strip() for line in text.splitlines() if re.match(r"\s*mf query ", line)]


@pytest.fixture(scope="module")
def mf(warehouse, tmp_path_factory):
    """Runs `mf` in the built project against a copy of its warehouse (MetricFlow opens the
    file for writing, and the published file must stay byte for byte as built)."""
    project = warehouse.db_path.parent.parent
    db_copy = tmp_path_factory.mktemp("mf") / "inference_energy.duckdb"
    shutil.copyfile(warehouse.db_path, db_copy)
    env = dict(os.environ, INFERENCE_ENERGY_DB=str(db_copy), PATH=f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}")

    def run(argv: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True, timeout=300)

    return run


def mf_csv(mf, folder, metrics: str, group_by: str, where: str | None = None) -> pd.DataFrame:
    """`mf query` of metrics by dimensions, as a DataFrame (the query must succeed)."""
    out = folder / "metric.csv"
    argv = ["mf", "query", "--metrics", metrics, "--group-by", group_by, "--csv", str(out)]
    proc = mf([*argv, "--where", where] if where else argv)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return pd.read_csv(out)


def test_the_readme_shows_metricflow_queries():
    queries = readme_mf_queries()
    assert len(queries) >= 3
    assert all("--metrics" in q for q in queries)


@pytest.mark.parametrize("query", readme_mf_queries())
def test_each_readme_query_runs_as_written(mf, query):
    proc = mf(shlex.split(query))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    metrics = re.search(r"--metrics (\S+)", query).group(1).split(",")
    lines = proc.stdout.splitlines()
    # a table: the header names every metric, a dashed rule, at least one data row
    rule = next(i for i, line in enumerate(lines) if line and set(line.replace(" ", "")) == {"-"})
    assert all(metric in lines[rule - 1] for metric in metrics)
    assert len(lines) > rule + 1 and lines[rule + 1].strip()


def test_mean_joules_per_year_and_domain_equals_the_mart(mf, warehouse, tmp_path):
    got = mf_csv(mf, tmp_path, "mean_joules_per_inference,models", "metric_time__year,model__domain")
    got["year"] = pd.to_datetime(got["metric_time__year"]).dt.year
    got = got.set_index(["year", "model__domain"]).sort_index()

    rows = warehouse.query("select year(release_date), domain, joules_per_inference from marts.fct_inference_energy")
    mart = pd.DataFrame(rows, columns=["year", "domain", "joules"])
    expected = mart.groupby(["year", "domain"])["joules"].agg(["mean", "size"]).sort_index()

    assert list(got.index) == list(expected.index)
    assert got["mean_joules_per_inference"].to_numpy() == pytest.approx(expected["mean"].to_numpy(), rel=1e-12)
    # models counts every row, with or without an energy (a model without GFLOPs has none)
    assert (got["models"].to_numpy() == expected["size"].to_numpy()).all()


def test_the_gpu_join_groups_efficiency_by_dataset_of_the_gpu_dimension(mf, warehouse, tmp_path):
    """gpu_efficiency reaches dim_gpus through the gpu entity (a foreign key to a primary)."""
    got = mf_csv(mf, tmp_path, "gpu_precisions", "gpu__architecture")
    got = got.fillna({"gpu__architecture": "<null>"}).set_index("gpu__architecture")["gpu_precisions"]
    rows = warehouse.query(
        "select coalesce(g.architecture, '<null>'), count(*) from marts.fct_gpu_efficiency e "
        "left join marts.dim_gpus g on e.gpu_id = g.gpu_id group by 1"
    )
    assert got.sort_index().to_dict() == dict(sorted(rows))


def test_mean_gco2e_per_inference_by_region_equals_the_footprint_mart(mf, warehouse, tmp_path):
    where = "{{ Dimension('model_in_region__region_code') }} in ('FRA', 'IND')"
    got = mf_csv(mf, tmp_path, "mean_gco2e_per_inference", "model_in_region__region_code", where)
    got = got.set_index("model_in_region__region_code")["mean_gco2e_per_inference"]
    rows = warehouse.query(
        "select region_code, gco2e from marts.fct_inference_footprint where region_code in ('FRA', 'IND')"
    )
    expected = pd.DataFrame(rows, columns=["region", "gco2e"]).groupby("region")["gco2e"].mean()
    assert list(got.sort_index().index) == ["FRA", "IND"]
    assert got.sort_index().to_numpy() == pytest.approx(expected.sort_index().to_numpy(), rel=1e-12)


def test_the_catalogues_kwh_per_year_by_region_is_the_marts_sum(mf, warehouse, tmp_path):
    got = mf_csv(mf, tmp_path, "catalogue_kwh_per_year,catalogue_lines", "catalogue_line__region_code")
    got = got.fillna({"catalogue_line__region_code": "<none>"}).set_index("catalogue_line__region_code")
    rows = warehouse.query(
        "select coalesce(region_code, '<none>'), "
        "coalesce(llm_kwh_per_year, measured_system_kwh_per_year, paper_method_kwh_per_year) "
        "from marts.fct_catalogue_energy"
    )
    mart = pd.DataFrame(rows, columns=["region", "kwh"]).groupby("region")
    assert got["catalogue_lines"].sort_index().to_dict() == mart.size().sort_index().to_dict()
    expected = mart["kwh"].sum(min_count=1).sort_index()
    assert got["catalogue_kwh_per_year"].sort_index().to_numpy() == pytest.approx(expected.to_numpy(), nan_ok=True)
