"""Publishing is a transaction (inference_energy.build.publish): all of warehouse, exports and
report are replaced, or none is, whichever move fails; a publish killed between two moves is
rolled back by the next build from its journal. Pure file-system tests, no build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import tree_digest

from inference_energy.build import publish as publishing


def make_site(root):
    """A published warehouse (old) and a finished build (new) beside it."""
    (root / "reports").mkdir(parents=True)
    (root / "warehouse" / "exports").mkdir(parents=True)
    (root / "warehouse" / "w.duckdb").write_bytes(b"old warehouse")
    (root / "warehouse" / "exports" / "a.parquet").write_bytes(b"old export")
    (root / "reports" / "index.html").write_text("old report")
    building = root / "warehouse" / ".w.duckdb.building"
    (building / "exports").mkdir(parents=True)
    (building / "reports").mkdir()
    (building / "w.duckdb").write_bytes(b"new warehouse")
    (building / "exports" / "a.parquet").write_bytes(b"new export")
    (building / "reports" / "index.html").write_text("new report")
    pairs = [
        (building / "w.duckdb", root / "warehouse" / "w.duckdb"),
        (building / "exports", root / "warehouse" / "exports"),
        (building / "reports", root / "reports"),
    ]
    return pairs, root / "warehouse" / ".w.duckdb.publish.json"


def published(root):
    return {
        "warehouse": (root / "warehouse" / "w.duckdb").read_bytes(),
        "exports": tree_digest(root / "warehouse" / "exports"),
        "reports": tree_digest(root / "reports"),
    }


def test_a_publish_replaces_all_three_and_leaves_nothing_aside(tmp_path):
    pairs, journal = make_site(tmp_path)
    publishing.publish(pairs, journal)
    assert (tmp_path / "warehouse" / "w.duckdb").read_bytes() == b"new warehouse"
    assert (tmp_path / "warehouse" / "exports" / "a.parquet").read_bytes() == b"new export"
    assert (tmp_path / "reports" / "index.html").read_text() == "new report"
    assert not journal.exists()
    assert not [p for p in tmp_path.rglob("*.previous")]


@pytest.mark.parametrize("failing_move", [0, 1, 2])
def test_a_failed_move_puts_back_every_item_byte_for_byte(tmp_path, monkeypatch, failing_move):
    pairs, journal = make_site(tmp_path)
    before = published(tmp_path)
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        # the moves of built items into place are the publish's os.replace calls in order
        if str(src) in {str(b) for b, _ in pairs}:
            calls.append(src)
            if len(calls) == failing_move + 1:
                raise PermissionError(1, "Operation not permitted")
        return real_replace(src, dst)

    monkeypatch.setattr(publishing.os, "replace", replace)
    with pytest.raises(publishing.PublishError) as raised:
        publishing.publish(pairs, journal)
    monkeypatch.undo()
    message = str(raised.value)
    assert f"could not move {pairs[failing_move][0]} to {pairs[failing_move][1]}" in message
    assert published(tmp_path) == before
    assert all(built.exists() for built, _ in pairs), "the built items stay for inspection"
    assert not journal.exists() and not [p for p in tmp_path.rglob("*.previous")]


def test_a_destination_that_cannot_be_replaced_is_refused_before_anything_moves(tmp_path):
    pairs, journal = make_site(tmp_path)
    before = published(tmp_path)
    # the report's destination is a file where a folder is published
    (tmp_path / "reports" / "index.html").unlink()
    (tmp_path / "reports").rmdir()
    (tmp_path / "reports").write_text("not a folder")
    with pytest.raises(publishing.PublishError, match="is a link or not a folder"):
        publishing.publish(pairs, journal)
    assert (tmp_path / "warehouse" / "w.duckdb").read_bytes() == before["warehouse"]
    assert tree_digest(tmp_path / "warehouse" / "exports") == before["exports"]
    assert not journal.exists()


@pytest.mark.parametrize("killed_after", [1, 2, 3, 4, 5])
def test_a_publish_killed_between_moves_is_rolled_back_from_its_journal(tmp_path, killed_after):
    """kill -9 after each of the publish's renames and links (the first `killed_after` of them
    happen): `recover` restores the last good items."""
    pairs, journal = make_site(tmp_path)
    before = published(tmp_path)
    script = f"""
import os, sys
sys.path.insert(0, {str(publishing.__file__.rsplit("/inference_energy/", 1)[0])!r})
from pathlib import Path
from inference_energy.build import publish as p
count = 0
def counted(real):
    def call(*args):
        global count
        real(*args)
        count += 1
        if count == {killed_after}:
            os._exit(9)
    return call
p.os.replace, p.os.rename, p.os.link = counted(os.replace), counted(os.rename), counted(os.link)
p.publish([(Path(a), Path(b)) for a, b in {[(str(a), str(b)) for a, b in pairs]!r}], Path({str(journal)!r}))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert journal.exists()
    said = publishing.recover(journal)
    assert "rolled back" in said
    assert published(tmp_path) == before
    assert not journal.exists() and not [p for p in tmp_path.rglob("*.previous")]


def test_a_publish_killed_while_cleaning_up_is_finished(tmp_path):
    pairs, journal = make_site(tmp_path)
    publishing.publish(pairs, journal)
    # as if killed after the journal said "published", before the items aside were removed
    moves = [publishing.Move(str(b), str(d), str(publishing._aside(d)), True) for b, d in pairs]
    (tmp_path / "warehouse" / ".exports.previous").mkdir()
    publishing._write_journal(journal, "published", moves)
    assert "had completed" in publishing.recover(journal)
    assert (tmp_path / "warehouse" / "w.duckdb").read_bytes() == b"new warehouse"
    assert not journal.exists() and not (tmp_path / "warehouse" / ".exports.previous").exists()


def test_no_journal_means_nothing_to_recover(tmp_path):
    assert publishing.recover(tmp_path / "none.json") is None
