"""Publish a build as one transaction: the warehouse file, its exports and its report are all
replaced, or none is.

`publish` first checks that every destination can be replaced (its folder exists and is
writable, it lies on the same file system as the build, it is not a mount point), then moves
each built item into place, keeping the item it replaces aside (a file as a hard link, so a
reader never finds the warehouse missing; a folder renamed). If a move fails, every move
already made is undone, the replaced items come back byte for byte, and one sentence says what
failed and that nothing was published. A small journal beside the target records the moves:
when a build is killed between two of them, `recover` (run by the next build before anything
else) puts the last good items back, or finishes the clean-up of a publish that had completed.

    python -m inference_energy.build.publish publish --journal J --move BUILT DEST [--move BUILT DEST ...]
    python -m inference_energy.build.publish recover --journal J
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path


class PublishError(Exception):
    """Nothing was published: the message says what failed, in one sentence."""


@dataclass
class Move:
    built: str
    dest: str
    aside: str
    dest_existed: bool


def _aside(dest: Path) -> Path:
    # beside the destination (same folder, same file system), named after it
    return dest.parent / f".{dest.name}.previous"


def _write_journal(journal: Path, state: str, moves: list[Move]) -> None:
    temporary = journal.with_name(journal.name + ".tmp")
    temporary.write_text(json.dumps({"state": state, "moves": [asdict(m) for m in moves]}, indent=1) + "\n")
    os.replace(temporary, journal)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def check_destinations(pairs: list[tuple[Path, Path]]) -> None:
    """Refuse, before anything moves, a destination that cannot be replaced by a rename."""
    for built, dest in pairs:
        if not built.exists():
            raise PublishError(f"nothing to publish at {built}: the build did not write it")
        folder = dest.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise PublishError(f"cannot publish {dest}: its folder {folder} is missing or not writable")
        if dest.is_symlink() or (dest.exists() and dest.is_dir() != built.is_dir()):
            raise PublishError(f"cannot publish {dest}: it is a link or not a {'folder' if built.is_dir() else 'file'}")
        if dest.exists() and os.path.ismount(dest):
            raise PublishError(f"cannot publish {dest}: it is a mount point, which a rename cannot replace")
        if os.stat(built).st_dev != os.stat(folder).st_dev:
            raise PublishError(f"cannot publish {dest}: {built} lies on another file system (a rename cannot move it)")
        aside = _aside(dest)
        if aside.exists() or aside.is_symlink():
            _remove(aside)  # a leftover of an earlier publish that was cleaned up halfway


def _undo(move: Move, keep_built: bool) -> None:
    """Put the replaced item back at dest (and the built one back where it was, or remove it)."""
    built, dest, aside = Path(move.built), Path(move.dest), Path(move.aside)
    if aside.exists():
        if dest.is_file() and aside.is_file() and os.path.samefile(dest, aside):
            aside.unlink()  # the file was linked aside but not yet replaced
            return
        if dest.exists():
            if keep_built and not built.exists():
                os.replace(dest, built)
            else:
                _remove(dest)
        os.replace(aside, dest)
    elif not move.dest_existed and dest.exists() and not built.exists():
        # the destination was new: the built item was moved there
        if keep_built:
            os.replace(dest, built)
        else:
            _remove(dest)


def publish(pairs: list[tuple[Path, Path]], journal: Path) -> None:
    check_destinations(pairs)
    moves = [Move(str(b), str(d), str(_aside(d)), d.exists()) for b, d in pairs]
    _write_journal(journal, "publishing", moves)
    done: list[Move] = []
    try:
        for move in moves:
            built, dest, aside = Path(move.built), Path(move.dest), Path(move.aside)
            done.append(move)
            if move.dest_existed:
                if dest.is_dir():
                    os.rename(dest, aside)
                else:
                    os.link(dest, aside)
            os.replace(built, dest)
    except OSError as error:
        failed = done[-1]
        for move in reversed(done):
            _undo(move, keep_built=True)
        journal.unlink(missing_ok=True)
        raise PublishError(f"could not move {failed.built} to {failed.dest} ({error.strerror or error})") from error
    _write_journal(journal, "published", moves)
    for move in moves:
        _remove(Path(move.aside))
    journal.unlink()


def recover(journal: Path) -> str | None:
    """Finish what a killed publish left: roll back a publish that was under way, or clean up
    one that had completed. Returns a sentence saying what was done, or None."""
    if not journal.is_file():
        return None
    state = json.loads(journal.read_text(encoding="utf-8"))
    moves = [Move(**m) for m in state["moves"]]
    if state["state"] == "published":
        for move in moves:
            _remove(Path(move.aside))
        journal.unlink()
        return "a publish killed while cleaning up had completed: the new warehouse is in place"
    for move in reversed(moves):
        _undo(move, keep_built=False)
    journal.unlink()
    return "a publish killed halfway was rolled back: the last good warehouse, exports and report are in place"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["publish", "recover"])
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--move", nargs=2, action="append", default=[], metavar=("BUILT", "DEST"), type=Path)
    args = parser.parse_args(argv)
    try:
        if args.action == "publish":
            publish([(built, dest) for built, dest in args.move], args.journal)
        else:
            said = recover(args.journal)
            if said:
                print(f"Recovered: {said}.", file=sys.stderr)
    except PublishError as error:
        print(
            f"PUBLISH FAILED: {error}; nothing was published: the last good warehouse, exports and report "
            "are as they were.",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"PUBLISH FAILED: {error}; the journal {args.journal} is kept for the next build.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
