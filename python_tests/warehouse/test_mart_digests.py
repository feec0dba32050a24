"""No mart moves unless a change means it to: every mart of the suite's build has the digest
recorded in python_tests/expected/mart_digests.json (written from the build before the Python
code moved into src/inference_energy; see inference_energy.build.mart_digests for when and how
to write it again)."""

from __future__ import annotations

import json

from conftest import REPO

from inference_energy.build.mart_digests import mart_digests

EXPECTED = REPO / "python_tests" / "expected" / "mart_digests.json"


def test_every_mart_digest_is_as_recorded(warehouse):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    built = mart_digests(warehouse.db_path)
    assert sorted(built) == sorted(expected), "marts added or removed: record the digests again (see the docstring)"
    moved = sorted(name for name in expected if built[name] != expected[name])
    assert not moved, f"these marts changed: {moved}"
