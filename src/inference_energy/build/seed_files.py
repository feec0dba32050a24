"""Check every seed CSV before dbt reads it: what must never reach SQL or agate.

First what each seed is, without opening it: under seeds/, every *.csv is a regular file
inside the repository (no symbolic link anywhere on its path, no device, pipe or folder; dbt's
Python side refuses the same for plain `dbt seed` / `dbt build` through the dbt-duckdb plugin
inference_energy.build.seed_guard). Then what each one holds: UTF-8 text (UTF-16 and Latin-1
named as such), not empty; every header cell a plain identifier (lowercase letters, digits,
underscores), declared for that seed in the seeds' YAML, and written once; every line with as
many values as the header; no control character in any value. A failure names the file, the
line (1-based, as an editor shows it) and the rule, and shows at most the first
SHOWN_CHARACTERS characters of a cell. dbt's own seed loading checks the header again (macro
validate_seed_header).

    python -m inference_energy.build.seed_files [SEEDS_FOLDER]
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import sys
from collections import Counter
from pathlib import Path

import yaml

IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
# tab, line feed and carriage return are the file's own; any other C0 control or DEL in a value is refused
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SHOWN_CHARACTERS = 24
PLACE_RULE = "rule: a seed is a regular file inside the repository, and is refused unread when it is not"
TEXT_RULE = "rule: seeds are UTF-8 text"


def shown(cell: str) -> str:
    """A cell as a message may show it: its first SHOWN_CHARACTERS characters, controls escaped."""
    short = cell if len(cell) <= SHOWN_CHARACTERS else cell[:SHOWN_CHARACTERS] + "..."
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", short)


def unsafe_seed_paths(seeds: Path, root: Path | None = None) -> tuple[list[str], list[Path]]:
    """(refusals, seed files): every *.csv below `seeds` judged by what it is, never opened. A
    symbolic link anywhere on the path (the seeds folder, a sub-folder, the file), a device, pipe
    or socket, a folder named *.csv, or a file resolving outside `root` (the repository) is
    refused by name; the rest are the seed files to read."""
    root = (root or Path.cwd()).absolute()
    refusals: list[str] = []
    files: list[Path] = []
    # the seeds folder and every folder between it and the repository
    where = seeds if seeds.is_absolute() else root / seeds
    for folder in [where, *where.parents]:
        if folder == root or root not in folder.parents:
            break
        if folder.is_symlink():
            refusals.append(f"BAD SEED {folder.relative_to(root)}: the folder is a symbolic link ({PLACE_RULE})")
    if refusals or not where.is_dir():
        return refusals, files
    for dirpath, dirnames, filenames in os.walk(where, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink():
                refusals.append(f"BAD SEED {path.relative_to(root)}: the folder is a symbolic link ({PLACE_RULE})")
            elif name.endswith(".csv"):
                refusals.append(f"BAD SEED {path.relative_to(root)}: a folder, not a CSV file ({PLACE_RULE})")
        dirnames[:] = [n for n in dirnames if not (here / n).is_symlink() and not n.endswith(".csv")]
        for name in sorted(filenames):
            if not name.endswith(".csv"):
                continue
            path = here / name
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                refusals.append(f"BAD SEED {path.relative_to(root)}: the file is a symbolic link ({PLACE_RULE})")
            elif not stat.S_ISREG(mode):
                refusals.append(
                    f"BAD SEED {path.relative_to(root)}: not a regular file (a device, pipe or socket) ({PLACE_RULE})"
                )
            elif not path.resolve().is_relative_to(root.resolve()):
                refusals.append(f"BAD SEED {path.relative_to(root)}: resolves outside the repository ({PLACE_RULE})")
            else:
                files.append(path)
    return refusals, files


def decoded(path: Path, raw: bytes) -> tuple[str | None, str | None]:
    """(text, problem): the file's text, or a sentence naming its encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, f"BAD SEED {path}: the file is UTF-16 ({TEXT_RULE}; save it as UTF-8)"
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, (
            f"BAD SEED {path} line {line}: a NUL byte (UTF-16 without a byte-order mark, or binary data?) "
            f"({TEXT_RULE}, without control characters)"
        )
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, (
            f"BAD SEED {path} line {line}: byte 0x{raw[error.start]:02X} is not UTF-8 (the file looks like "
            f"Latin-1 or Windows-1252) ({TEXT_RULE}; save it as UTF-8)"
        )


def declared_columns(seeds: Path) -> dict[str, set[str]]:
    declared: dict[str, set[str]] = {}
    for path in sorted(seeds.rglob("*.yml")):
        for seed in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("seeds", []) or []:
            declared[seed["name"]] = {c["name"].lower() for c in seed.get("columns", []) or []}
    return declared


def problems(seeds: Path, root: Path | None = None) -> list[str]:
    declared = declared_columns(seeds)
    root = (root or Path.cwd()).absolute()
    found, files = unsafe_seed_paths(seeds, root)
    for file in files:
        path = file.relative_to(root)  # as the person at the terminal knows it
        text, problem = decoded(path, file.read_bytes())
        if problem:
            found.append(problem)
            continue
        if not text.strip():
            found.append(f"BAD SEED {path}: the file is empty (rule: every seed needs a header line and data rows)")
            continue
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        columns = declared.get(path.stem)
        for cell, count in Counter(header).items():
            if count > 1:
                places = " and ".join(str(i + 1) for i, c in enumerate(header) if c == cell)
                found.append(
                    f"BAD SEED {path}: header cell '{shown(cell)}' is written {count} times (columns {places}) "
                    "(rule: each column once)"
                )
        for cell in header:
            if not IDENTIFIER.fullmatch(cell):
                found.append(
                    f"BAD SEED {path}: header cell '{shown(cell)}' is not a plain identifier (rule: seed column "
                    "names are lowercase letters, digits and underscores, declared in YAML)"
                )
            elif columns is not None and cell not in columns:
                found.append(
                    f"BAD SEED {path}: header cell '{shown(cell)}' is not a column declared in YAML "
                    "(rule: a seed has exactly the declared columns)"
                )
        for row in reader:
            if row and len(row) != len(header):
                found.append(
                    f"BAD SEED {path} line {reader.line_num}: {len(row)} values, but the header has "
                    f"{len(header)} columns (rule: every line has one value per column)"
                )
            for column, cell in zip(header, row, strict=False):
                if match := CONTROL.search(cell):
                    found.append(
                        f"BAD SEED {path} line {reader.line_num}: column {shown(column)} holds the control "
                        f"character U+{ord(match.group()):04X} (rule: no control characters in a value)"
                    )
    return found


def main() -> int:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("seeds")
    found = problems(seeds)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
