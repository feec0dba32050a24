"""A figure's layout, checked: no text clipped by the figure's edge, no two point labels on top
of each other or outside their axes, no legend over a plotted point. The figures' test runs it on
every figure (python_tests/publishing/test_figures.py); it reads the drawn figure only."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.text import Text

# display pixels of tolerance: anti-aliasing puts a glyph a fraction of a pixel past a box
SLACK = 1.0


def _outside(box, frame) -> bool:
    return (
        box.x0 < frame.x0 - SLACK or box.x1 > frame.x1 + SLACK or box.y0 < frame.y0 - SLACK or box.y1 > frame.y1 + SLACK
    )


def layout_problems(fig: Figure) -> list[str]:
    """What a reader would see wrong, one sentence each; [] for a clean figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    problems = []
    for ax in fig.axes:
        # the axes with its title, axis labels, tick labels and legend: inside the figure
        if _outside(ax.get_tightbbox(renderer), fig.bbox):
            problems.append(f"axes {ax.get_title()[:40]!r}: text clipped by the figure's edge")
        # point labels: the text itself (a leader line may cross a neighbour by design)
        labels = [t for t in ax.texts if t.get_visible() and t.get_text()]
        boxes = [Text.get_window_extent(t, renderer) for t in labels]
        for i in range(len(boxes)):
            for j in range(i):
                if boxes[i].overlaps(boxes[j]):
                    problems.append(f"labels {labels[j].get_text()!r} and {labels[i].get_text()!r} overlap")
        frame = ax.get_window_extent(renderer)
        for label, label_box in zip(labels, boxes, strict=True):
            if _outside(label_box, frame):
                problems.append(f"label {label.get_text()!r} lies outside its axes")
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        covered = 0
        for layer in ax.collections:
            offsets = layer.get_offsets()
            if len(offsets):
                points = layer.get_offset_transform().transform(offsets)
                covered += int(np.sum([box.contains(x, y) for x, y in points]))
        for line in ax.get_lines():
            if line.get_marker() not in (None, "None", "", " ") and len(line.get_xydata()):
                points = line.get_transform().transform(line.get_xydata())
                covered += int(np.sum([box.contains(x, y) for x, y in points]))
        if covered:
            problems.append(f"axes {ax.get_title()[:40]!r}: the legend covers {covered} plotted point(s)")
    return problems
