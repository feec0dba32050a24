"""Every figure drawn, or reused from the last published report when nothing it read changed.

`FIGURES` names each figure's function (paper.py, beyond.py, measured.py, llm.py); `render_all`
writes them as PNG and SVG, `render_or_reuse` copies a figure whose code and marts are
unchanged (fingerprints in .fingerprints.json).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import shutil
import signal
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .beyond import (
    figE1_gpu_efficiency_to_2025,
    figE2_cv_energy_to_2025,
    figE3_nlp_energy_to_2025,
    figE4_llm_energy_per_token,
    figS1_conclusion_sensitivity,
)
from .footprint import figE12_forecast_to_2030, figE13_scenario_energy_vs_demand
from .llm import figE9_llm_token_energy_by_year, figE10_llm_measured_by_gpu_generation, figE11_llm_measured_vs_predicted
from .measured import (
    figE5_measured_vs_datasheet,
    figE6_measured_energy_over_time,
    figE7_measured_vs_predicted,
    figE8_residuals_by_chip,
)
from .paper import (
    fig01_params_vs_flops,
    fig02_accuracy_over_time,
    fig03_cv_gflops_over_time,
    fig04_accuracy_vs_gflops,
    fig05_glue_vs_gflops,
    fig06_nlp_gflops_over_time,
    fig07_theoretical_gpu_efficiency,
    fig08_gpu_efficiency,
    fig09_cv_energy_over_time,
    fig10_nlp_energy_over_time,
    fig11_accuracy_vs_energy,
    fig12_glue_vs_energy,
    fig13_cv_energy_vs_humans,
    fig14_nlp_energy_vs_humans,
    figG15_glue_over_time,
)

FIGURES: dict[str, Callable[[dict[str, pd.DataFrame]], Figure]] = {
    "fig01_params_vs_flops": fig01_params_vs_flops,
    "fig02_accuracy_over_time": fig02_accuracy_over_time,
    "fig03_cv_gflops_over_time": fig03_cv_gflops_over_time,
    "fig04_accuracy_vs_gflops": fig04_accuracy_vs_gflops,
    "fig05_glue_vs_gflops": fig05_glue_vs_gflops,
    "fig06_nlp_gflops_over_time": fig06_nlp_gflops_over_time,
    "fig07_theoretical_gpu_efficiency": fig07_theoretical_gpu_efficiency,
    "fig08_gpu_efficiency": fig08_gpu_efficiency,
    "fig09_cv_energy_over_time": fig09_cv_energy_over_time,
    "fig10_nlp_energy_over_time": fig10_nlp_energy_over_time,
    "fig11_accuracy_vs_energy": fig11_accuracy_vs_energy,
    "fig12_glue_vs_energy": fig12_glue_vs_energy,
    "fig13_cv_energy_vs_humans": fig13_cv_energy_vs_humans,
    "fig14_nlp_energy_vs_humans": fig14_nlp_energy_vs_humans,
    # Appendix G's companion of Fig. 5, with the bubble encoding of Fig. 2.
    "figG15_glue_over_time": figG15_glue_over_time,
    # How robust the paper's conclusions are to its choices
    "figS1_conclusion_sensitivity": figS1_conclusion_sensitivity,
    # Beyond the paper: its trends against 2020-2025 data (issue: out-of-sample test)
    "figE1_gpu_efficiency_to_2025": figE1_gpu_efficiency_to_2025,
    "figE2_cv_energy_to_2025": figE2_cv_energy_to_2025,
    "figE3_nlp_energy_to_2025": figE3_nlp_energy_to_2025,
    "figE4_llm_energy_per_token": figE4_llm_energy_per_token,
    # Calibrated against measured energy (MLPerf power results)
    "figE5_measured_vs_datasheet": figE5_measured_vs_datasheet,
    "figE6_measured_energy_over_time": figE6_measured_energy_over_time,
    "figE7_measured_vs_predicted": figE7_measured_vs_predicted,
    "figE8_residuals_by_chip": figE8_residuals_by_chip,
    # LLM serving energy (MLPerf LLM power results, ML.ENERGY)
    "figE9_llm_token_energy_by_year": figE9_llm_token_energy_by_year,
    "figE10_llm_measured_by_gpu_generation": figE10_llm_measured_by_gpu_generation,
    "figE11_llm_measured_vs_predicted": figE11_llm_measured_vs_predicted,
    # The multiplicative factor: the trends read forward, and the usage scenarios
    "figE12_forecast_to_2030": figE12_forecast_to_2030,
    "figE13_scenario_energy_vs_demand": figE13_scenario_energy_vs_demand,
}


# A layer of more points than this is drawn as an image inside the SVG (axes, text and lines stay


# vector): a seed or catalogue of 100 k models would otherwise write tens of MB of SVG per figure.
RASTERIZE_ABOVE_POINTS = 2000


def rasterize_dense_layers(fig: plt.Figure, threshold: int = RASTERIZE_ABOVE_POINTS) -> int:
    """Mark every scatter collection and line of more than `threshold` points as raster; how many."""
    marked = 0
    for ax in fig.axes:
        layers = [*ax.collections, *ax.lines]
        for layer in layers:
            points = len(layer.get_offsets()) if hasattr(layer, "get_offsets") else 0
            if hasattr(layer, "get_xydata"):
                points = max(points, len(layer.get_xydata()))
            if points > threshold:
                layer.set_rasterized(True)
                marked += 1
    return marked


class _MartsRead(Mapping):
    """The marts, read-only, recording which of them a figure reads (its inputs, for reuse).
    Every way of reading goes through __getitem__ or __iter__ (iterating counts as reading all)."""

    def __init__(self, marts: dict[str, pd.DataFrame]):
        self._marts = marts
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.read.add(name)
        return self._marts[name]

    def __iter__(self):
        self.read.update(self._marts)
        return iter(self._marts)

    def __len__(self) -> int:
        return len(self._marts)


def _render(names: list[str], marts: dict[str, pd.DataFrame], out: Path) -> dict[str, list[str]]:
    """Draw `names`; the marts each one read."""
    read = {}
    for name in names:
        recording = _MartsRead(marts)
        fig = FIGURES[name](recording)
        rasterize_dense_layers(fig)
        fig.savefig(out / f"{name}.png", dpi=150)
        fig.savefig(out / f"{name}.svg")
        plt.close(fig)
        read[name] = sorted(recording.read)
    return read


# Binary digits of a float's mantissa a digest keeps (~11 significant decimal digits).
DIGEST_MANTISSA_BITS = 36


def mart_digest(frame: pd.DataFrame) -> str:
    """A hash of a mart's rows, in any order, and its column names. Two builds of the same
    inputs hand the rows over in different orders and differ in the last bits of a parallel
    sum (measured: 3 of 13 marts): floats count to DIGEST_MANTISSA_BITS, which no figure shows."""
    canonical = frame.copy(deep=False)
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column].dtype):
            mantissa, exponent = np.frexp(frame[column].to_numpy(dtype=float))
            scale = float(2**DIGEST_MANTISSA_BITS)
            canonical[column] = np.ldexp(np.round(mantissa * scale) / scale, exponent)
    rows = np.sort(pd.util.hash_pandas_object(canonical, index=False).to_numpy())
    digest = hashlib.sha256(rows.tobytes())
    digest.update(",".join(map(str, frame.columns)).encode())
    return digest.hexdigest()


FINGERPRINTS = ".fingerprints.json"


def drawing_code_digest() -> str:
    """A hash of the figures' code (every module of this package) and of matplotlib's version."""
    digest = hashlib.sha256(matplotlib.__version__.encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + module.read_bytes())
    return digest.hexdigest()


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def render_or_reuse(
    marts: dict[str, pd.DataFrame], out_dir: str | Path, previous_dir: str | Path | None = None
) -> list[str]:
    """Write every figure under out_dir. A figure is copied from previous_dir (the last
    published figures) when this module's code and every mart it read then are unchanged, and
    drawn otherwise; returns the names reused. out_dir/.fingerprints.json records, per figure,
    the hash of each mart it read (recorded while drawing it, so no list to keep in step)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # the drawing code and the library that draws
    code = drawing_code_digest()
    digests = {name: mart_digest(frame) for name, frame in marts.items()}
    previous = Path(previous_dir) if previous_dir is not None else None
    recorded = {}
    if previous is not None and (previous / FINGERPRINTS).is_file():
        state = json.loads((previous / FINGERPRINTS).read_text(encoding="utf-8"))
        recorded = state.get("figures", {}) if state.get("code") == code else {}
    reused = [
        name
        for name in FIGURES
        if name in recorded
        and all(digests.get(mart) == digest for mart, digest in recorded[name].items())
        and all((previous / f"{name}.{ext}").is_file() for ext in ("png", "svg"))
    ]
    for name in reused:
        for ext in ("png", "svg"):
            shutil.copyfile(previous / f"{name}.{ext}", out / f"{name}.{ext}")
    drawn = render_all(marts, out, names=[name for name in FIGURES if name not in reused])
    figures_state = {name: recorded[name] for name in reused}
    figures_state.update({name: {mart: digests.get(mart) for mart in read} for name, read in drawn.items()})
    state = {"code": code, "figures": dict(sorted(figures_state.items()))}
    (out / FINGERPRINTS).write_text(json.dumps(state, indent=1) + "\n", encoding="utf-8")
    return reused


def _stop_with_parent() -> None:
    """A drawing worker is stopped (SIGTERM) when the process that started it ends, however it
    ends (Linux prctl PR_SET_PDEATHSIG): an interrupted build leaves no worker drawing into a
    folder it removes. Elsewhere a no-op."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def render_all(
    marts: dict[str, pd.DataFrame], out_dir: str | Path, workers: int = 2, names: list[str] | None = None
) -> dict[str, list[str]]:
    """Write every figure (or `names`) as PNG and SVG under out_dir; the marts each one read.

    Figures are independent: `workers` processes draw them side by side (drawing is most
    of a build's report time)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = list(FIGURES) if names is None else list(names)
    if workers <= 1 or len(names) <= 1:
        return _render(names, marts, out)
    chunks = [names[i::workers] for i in range(workers)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_stop_with_parent) as pool:
        parts = list(pool.map(_render, chunks, [marts] * workers, [out] * workers))
    return {name: part[name] for name in names for part in parts if name in part}
