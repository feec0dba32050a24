"""A dbt-duckdb plugin (profiles.yml, `plugins:`) that refuses, before any seed is loaded, a
seed that is not a regular file inside the repository: plain `dbt seed` / `dbt build` keep the
rule ./scripts/build checks first (inference_energy.build.seed_files). The plugin is set up
when dbt opens its DuckDB environment, before a seed's rows are read, so a seed linked to
another file is refused by name and never echoed.

dbt's own parser still reads a small seed file once to hash it (its partial parsing); it
prints nothing of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin
from dbt_common.exceptions import DbtRuntimeError

from inference_energy.build.seed_files import unsafe_seed_paths


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        # dbt runs from the repository root (the in-repo profiles.yml): its seeds/ folder
        refusals, _ = unsafe_seed_paths(Path(plugin_config.get("seeds", "seeds")), Path.cwd())
        if refusals:
            raise DbtRuntimeError("\n".join(refusals))
