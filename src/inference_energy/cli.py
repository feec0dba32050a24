"""The `inference-energy` console command (installed into the virtual environment from
pyproject.toml). One sub-command a task; each is the same code as its ./scripts/ entry point:

    inference-energy estimate --gflops 8.2 --date 2015-12-10 --domain cv
    inference-energy estimate --input examples/sample_models.csv --output energy.parquet
"""

from __future__ import annotations

import sys

USAGE = """usage: inference-energy COMMAND [ARGS...]

commands:
  estimate   energy of your own models from the warehouse's SQL macros
             (the same as ./scripts/estimate; `inference-energy estimate --help`)
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "estimate":
        from inference_energy.catalogue import estimate

        return estimate.main(rest, prog="inference-energy estimate")
    print(f"inference-energy: unknown command {command!r}\n\n{USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
