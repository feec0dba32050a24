"""The report's figures, drawn from the warehouse's marts only.

style.py: what every figure shares (the marts read, colours, helpers); paper.py: the paper's
Figs. 1-14 and G.15; beyond.py: E1-E4 and S1; measured.py: E5-E8; llm.py: E9-E11;
footprint.py: E12-E13; render.py: drawing, reuse.
A new figure is a function `marts -> Figure` in the module of its family, listed in
render.FIGURES.
"""

import matplotlib

# no display: every figure is written to a file (before pyplot is first imported)
matplotlib.use("Agg")

from .render import FIGURES, mart_digest, render_all, render_or_reuse  # noqa: E402
from .style import MARTS, load_marts  # noqa: E402

__all__ = ["FIGURES", "MARTS", "load_marts", "mart_digest", "render_all", "render_or_reuse"]
