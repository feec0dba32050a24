"""How the bad-input matrix (bad_input_cases.py) corrupts a seed of a scratch project: each
function returns the corruption, a callable applied to the project before its build."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from conftest import ScratchProject


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_seed(seed: str, key: dict[str, str], changes: dict[str, str]) -> Callable[[ScratchProject], None]:
    """Change columns of the one row matching `key`."""

    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        rows = read_rows(path)
        matches = [r for r in rows if all(r[k] == v for k, v in key.items())]
        assert len(matches) == 1, f"{key} should match exactly one row of {seed}"
        matches[0].update(changes)
        write_rows(path, rows)

    return corrupt


def append_line(seed: str, line: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        with open(project.seed(seed), "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    return corrupt


def duplicate_row(seed: str, key: dict[str, str]) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        rows = read_rows(path)
        write_rows(path, rows + [dict(r) for r in rows if all(r[k] == v for k, v in key.items())])

    return corrupt


def remove_rows(seed: str, key: dict[str, str]) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        rows = read_rows(path)
        kept = [r for r in rows if not all(r[k] == v for k, v in key.items())]
        assert len(kept) < len(rows), f"{key} matches no row of {seed}"
        write_rows(path, kept)

    return corrupt


def drop_column(seed: str, column: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        write_rows(path, [{k: v for k, v in r.items() if k != column} for r in read_rows(path)])

    return corrupt


def add_column(seed: str, column: str, value: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        write_rows(path, [{**r, column: value} for r in read_rows(path)])

    return corrupt


def rename_column(seed: str, column: str, new_name: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        write_rows(path, [{(new_name if k == column else k): v for k, v in r.items()} for r in read_rows(path)])

    return corrupt


def keep_header_only(seed: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

    return corrupt


def empty_file(seed: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        project.seed(seed).write_text("", encoding="utf-8")

    return corrupt


def fp8_row_for_ampere(project: ScratchProject) -> None:
    """An FP8 peak for the A30 (Ampere has no FP8 tensor cores)."""
    path = project.seed("extension_gpu_datasheet_peaks")
    rows = read_rows(path)
    fp8 = dict(next(r for r in rows if r["gpu_id"] == "a30" and r["precision"] == "int8_tensor"))
    fp8.update(precision="fp8_tensor", unit="TFLOPS")
    write_rows(path, rows + [fp8])


def rewrite_encoded(seed: str, encoding: str, key: dict[str, str] | None = None, changes=None):
    """The seed saved in another encoding (optionally after a change that needs it)."""

    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        rows = read_rows(path)
        if key:
            next(r for r in rows if all(r[k] == v for k, v in key.items())).update(changes)
        write_rows(path, rows)
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return corrupt


def rename_header_cell(seed: str, column: str, new_name: str) -> Callable[[ScratchProject], None]:
    """Rename one cell of the header line as text (a new name may repeat another)."""

    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        header, rest = path.read_text(encoding="utf-8").split("\n", 1)
        cells = [new_name if cell == column else cell for cell in header.split(",")]
        path.write_text(",".join(cells) + "\n" + rest, encoding="utf-8")

    return corrupt


def seed_replaced_by_a_folder(seed: str) -> Callable[[ScratchProject], None]:
    def corrupt(project: ScratchProject) -> None:
        path = project.seed(seed)
        path.unlink()
        path.mkdir()

    return corrupt
