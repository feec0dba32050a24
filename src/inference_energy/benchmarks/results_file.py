"""reports/benchmarks.md holds one section per benchmark script, each between its own
markers, so that running one benchmark replaces its table and keeps the others'."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def replace_section(path: Path, name: str, text: str) -> None:
    start, end = f"<!-- {name}: start -->", f"<!-- {name}: end -->"
    block = f"{start}\n{text.rstrip()}\n{end}\n"
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = (current.rstrip() + "\n\n" if current.strip() else "") + block
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated, encoding="utf-8")


def publish(path: Path, name: str, lines: list[str]) -> None:
    """Print a benchmark's table and put it in its section of `path`."""
    text = "\n".join(lines) + "\n"
    print(text)
    replace_section(path, name, text)
    print(f"written to {path}", file=sys.stderr)
