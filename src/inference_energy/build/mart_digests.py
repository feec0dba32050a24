"""A digest of every mart of a built warehouse, for the test that a change which should move no
number moves none (python_tests/warehouse/test_mart_digests.py).

Each digest ignores row order and the last bits of a float (figures.mart_digest): two builds
of the same inputs agree, a changed value, row or column name does not. The expected digests
(python_tests/expected/mart_digests.json) were written from the build before the Python code
moved into this package; write them again only for a change meant to move a mart, and say
which marts moved and why in the commit:

    python -m inference_energy.build.mart_digests --db warehouse/inference_energy.duckdb \
        > python_tests/expected/mart_digests.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from inference_energy.publishing.exports import mart_names
from inference_energy.publishing.figures import mart_digest


def mart_digests(db: Path) -> dict[str, str]:
    """Mart name -> digest of its rows, for every table of schema marts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: mart_digest(con.execute(f'select * from marts."{name}"').df()) for name in mart_names(con)}
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a built warehouse file")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(f"{args.db}: no warehouse here; run ./scripts/build first", file=sys.stderr)
        return 2
    print(json.dumps(mart_digests(args.db), indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
