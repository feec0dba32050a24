"""The project keeps its house rules (STYLE.md), checked on dbt's own manifest and
catalog of the suite's build: layers, one home per concept, documentation, keys, and
data tests in dbt's shape."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def manifest(warehouse):
    return json.loads((warehouse.db_path.parent.parent / "target" / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog(warehouse):
    return json.loads((warehouse.db_path.parent.parent / "target" / "catalog.json").read_text(encoding="utf-8"))


def models(manifest) -> dict[str, dict]:
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["package_name"] == "inference_energy"
    }


def layer(node: dict) -> str:
    return node["original_file_path"].split("/")[1]


def test_marts_read_only_intermediate_models_and_dimensions(manifest):
    """STYLE.md: a mart never reads a seed, nor a staging model when an intermediate model
    exists for that concept (one that reads the staging model); a staging model no
    intermediate model reads (a vocabulary such as the report's figures) is its own concept."""
    nodes = manifest["nodes"]
    read_by_intermediate = {
        parent
        for node in models(manifest).values()
        if layer(node) == "intermediate"
        for parent in node["depends_on"]["nodes"]
    }
    wrong = []
    for node in models(manifest).values():
        if layer(node) != "marts":
            continue
        for parent in node["depends_on"]["nodes"]:
            parent_node = nodes[parent]
            allowed = parent_node["resource_type"] == "model" and (
                layer(parent_node) == "intermediate"
                or parent_node["name"].startswith("dim_")
                or (layer(parent_node) == "staging" and parent not in read_by_intermediate)
            )
            if not allowed:
                wrong.append(f"{node['name']} reads {parent_node['name']}")
    assert wrong == []


def test_only_staging_models_read_seeds(manifest):
    wrong = [
        f"{node['name']} reads {parent}"
        for node in models(manifest).values()
        for parent in node["depends_on"]["nodes"]
        if parent.startswith("seed.") and layer(node) != "staging"
    ]
    assert wrong == []


def ancestors(manifest, uid: str) -> set[str]:
    parents, seen, todo = manifest["parent_map"], set(), [uid]
    while todo:
        for parent in parents.get(todo.pop(), []):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_every_mart_declares_its_datasets(manifest):
    """Every mart says which datasets it holds (meta.datasets: paper, paper_and_extension or
    catalogue), and the user's catalogue (a dbt source) reaches only the catalogue marts.

    The paper's rows and the extension run through one chain per concept, the dataset as a
    column (int_models_flagged.trend_dataset, the trends' dataset): a paper mart reads the
    paper's partition, so lineage no longer separates them. That adding an extension row moves
    no number of a paper mart is tested by behaviour:
    python_tests/build/test_incremental_build.py::test_a_row_added_to_each_extension_seed_moves_no_paper_number."""
    declared = {
        node["name"]: node["config"]["meta"].get("datasets")
        for node in models(manifest).values()
        if layer(node) == "marts"
    }
    assert {
        name for name, value in declared.items() if value not in ("paper", "paper_and_extension", "catalogue")
    } == set()
    catalogue_readers = {
        node["name"]
        for uid, node in models(manifest).items()
        if layer(node) == "marts"
        and any(a.startswith("source.inference_energy.catalogue.") for a in ancestors(manifest, uid))
    }
    assert catalogue_readers == {name for name, value in declared.items() if value == "catalogue"} != set()
    assert "fct_inference_energy" in {name for name, value in declared.items() if value == "paper"}


def test_no_model_is_an_extended_twin_of_another(manifest):
    """One chain per concept: no model is named as the 'extended' copy of another model."""
    names = {node["name"] for node in models(manifest).values()}
    twins = sorted(
        name
        for name in names
        if "extended" in name and (name.replace("extended_", "") in names or name.replace("_extended", "") in names)
    )
    assert twins == []


def test_the_gpu_dimension_exists_and_is_contracted(manifest):
    [dim] = [n for n in models(manifest).values() if n["name"] == "dim_gpus"]
    assert dim["config"]["contract"]["enforced"] is True
    assert all(column.get("data_type") for column in dim["columns"].values())


def test_every_model_has_a_primary_key_test(manifest):
    """Every model's key is tested unique and never null: `primary_key` (one column) or
    `unique_combination` (several), both of which fail on a null key as well."""
    keyed = set()
    for node in manifest["nodes"].values():
        metadata = node.get("test_metadata") or {}
        if node["resource_type"] == "test" and metadata.get("name") in ("primary_key", "unique_combination"):
            keyed.add(node["attached_node"])
    missing = sorted(node["name"] for uid, node in models(manifest).items() if uid not in keyed)
    assert missing == []


def test_a_key_test_fails_on_a_null_key_too():
    """`unique` alone lets a null key through; ours do not (their SQL checks `is null`)."""
    for name in ("primary_key", "unique_combination"):
        sql = (REPO / "tests" / "generic" / f"{name}.sql").read_text(encoding="utf-8")
        assert "is null" in sql and "having count(*) > 1" in sql


SEED_COLUMN_RULES = {"required", "accepted_values"}  # read by tests/generic/seed_columns.sql


def test_every_seed_column_rule_is_checked(manifest):
    """A column's `meta: required / accepted_values` is a rule only through the seed's
    `seed_columns` test: every seed has one, and no such key is misspelt or sits where
    nothing reads it (a model's column), where it would silently check nothing."""
    checked = {
        node["attached_node"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") == "seed_columns"
    }
    problems = []
    for uid, node in manifest["nodes"].items():
        if node["package_name"] != "inference_energy" or node["resource_type"] not in ("seed", "model"):
            continue
        if node["resource_type"] == "seed" and uid not in checked:
            problems.append(f"seed {node['name']} has no seed_columns test")
        for column in node["columns"].values():
            meta = (column.get("config") or {}).get("meta") or column.get("meta") or {}
            # on a seed, any other key is misspelt; on a model, these keys check nothing
            unread = set(meta) - SEED_COLUMN_RULES if node["resource_type"] == "seed" else set(meta) & SEED_COLUMN_RULES
            problems += [f"{node['name']}.{column['name']}: meta {key} is read by nothing" for key in sorted(unread)]
    assert problems == []


def test_every_model_and_every_column_is_documented(manifest, catalog):
    undocumented = []
    for uid, node in models(manifest).items():
        if not node["description"].strip():
            undocumented.append(node["name"])
        documented = {name.lower() for name, c in node["columns"].items() if c.get("description", "").strip()}
        built = catalog["nodes"].get(uid, {}).get("columns", {})
        assert built, f"{node['name']} is not in the catalog"
        undocumented += [f"{node['name']}.{name}" for name in built if name.lower() not in documented]
    assert undocumented == []


def test_every_macro_and_generic_test_is_documented(manifest):
    undocumented = sorted(
        macro["name"]
        for macro in manifest["macros"].values()
        if macro["package_name"] == "inference_energy" and not macro["description"].strip()
    )
    assert undocumented == []


def test_data_tests_return_rows_instead_of_raising():
    """No test aborts its query with DuckDB's error(): every test selects its failing rows. A macro
    persisted for users (`create or replace macro marts.`) is not a test: called with an argument
    it cannot price (an unknown region), it has no rows to return and must raise, naming it."""
    offenders = [
        str(path.relative_to(REPO))
        for folder in ("macros", "tests")
        for path in (REPO / folder).rglob("*.sql")
        if re.search(r"\berror\(", text := path.read_text(encoding="utf-8"))
        and not (folder == "macros" and "create or replace macro marts." in text and "{% test" not in text)
    ]
    assert offenders == []


def test_built_in_tests_run_under_their_dbt_names(manifest):
    names = {
        (node.get("test_metadata") or {}).get("name")
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test"
    }
    assert {"unique", "not_null", "accepted_values", "relationships"} <= names


def test_failures_are_stored_in_the_audit_schema(manifest):
    tests = [node for node in manifest["nodes"].values() if node["resource_type"] == "test"]
    assert tests
    assert all(node["config"]["store_failures"] and node["schema"] == "audit" for node in tests)


# a trend id written as text around a concatenation or parsed back by a pattern
TREND_ID_AS_TEXT = re.compile(
    r"'(?:gpu_efficiency|gpu_theoretical|gpu_peak|compute|energy)_[a-z_]*'\s*\|\|"
    r"|\|\|\s*'_{1,2}(?:all|extended|best_of_year|most_demanding|cv|nlp|llm)[a-z_]*'"
    r"|trend_id\s+(?:not\s+)?i?like\b"
)


def test_trend_ids_are_never_built_or_parsed_as_text():
    """A trend is read by its structured key (seed trend_definitions: quantity, domain, subset,
    number format, dataset; macro trend_key_matches), never concatenated or parsed."""
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for folder in ("models", "macros", "analysis", "tests")
        for path in sorted((REPO / folder).rglob("*.sql"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TREND_ID_AS_TEXT.search(line)
    ]
    assert found == []


def test_the_trend_text_rule_can_fail():
    assert TREND_ID_AS_TEXT.search("'gpu_efficiency_' || domain")
    assert TREND_ID_AS_TEXT.search("claims.trend_id || '__extended'")
    assert TREND_ID_AS_TEXT.search("when trend_id like 'compute_%' then")
    assert not TREND_ID_AS_TEXT.search("select trend_id || ': ' || gpu_id")
