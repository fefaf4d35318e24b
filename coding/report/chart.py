"""The prevalence chart: a heat map of the share of each group's interviews mentioning a code.

Rendered with matplotlib's Agg canvas to PNG bytes (no display, no pyplot state).
"""

from __future__ import annotations

import io
import textwrap

from coding.report.model import ThemeReport
from coding.report.strings import Text

WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with 2.5 cm margins
CHAR_IN = 0.062  # mean width of a character at 8 pt (DejaVu Sans), inches


def _label(name: str, depth: int, limit: int = 42) -> str:
    label = name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
    return "   " * max(depth - 1, 0) + label


def prevalence_chart(
    theme: ThemeReport,
    groups: list[tuple[str, int]],
    t: Text,
    dpi: int = 200,
    width_cm: float = WIDTH_IN * 2.54,
) -> bytes:
    """PNG of codes (rows) × groups (columns): share of the group's interviews with the code."""
    import math

    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.figure import Figure

    rows = theme.codes or [theme.root]
    data = np.zeros((len(rows), len(groups)))
    for i, code in enumerate(rows):
        for j, (_, n) in enumerate(groups):
            data[i, j] = code.by_group[j][0] / n if n else 0.0
    rotate = len(groups) > 5
    ylabels = [_label(c.name, c.depth) for c in rows]
    if rotate:
        xlabels = [f"{g} (n = {n})" for g, n in groups]
        top = max(len(x) for x in xlabels) * CHAR_IN * math.sin(math.radians(35)) + 0.3
    else:
        wrap = max(8, int(70 / max(len(groups), 1)))
        xlabels = ["\n".join(textwrap.wrap(g, wrap)) + f"\n(n = {n})" for g, n in groups]
        top = max(x.count("\n") + 1 for x in xlabels) * 0.15 + 0.15
    # Fixed layout in inches (no tight_layout: it draws the figure once more).
    width = width_cm / 2.54
    left = min(max(len(y) for y in ylabels) * CHAR_IN + 0.2, width * 0.45)
    right, bar_w, bottom, row_h = 1.0, 0.12, 0.12, 0.3
    height = top + row_h * len(rows) + bottom
    # A Figure without pyplot: no global state, safe in a worker thread.
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    fig.set_facecolor("white")
    plot_w = width - left - right
    ax = fig.add_axes(
        (left / width, bottom / height, plot_w / width, (height - top - bottom) / height)
    )
    cax = fig.add_axes(
        (
            (left + plot_w + 0.15) / width,
            bottom / height,
            bar_w / width,
            (height - top - bottom) / height,
        )
    )
    cmap = LinearSegmentedColormap.from_list("tematik", ["#f4f7fb", "#9db9dc", "#1f3864"])
    im = ax.imshow(data, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
    for i in range(len(rows)):
        for j, (_, n) in enumerate(groups):
            k = rows[i].by_group[j][0]
            ax.text(
                j,
                i,
                f"{k}/{n}" if n else "–",
                ha="center",
                va="center",
                fontsize=7.5,
                color="white" if data[i, j] > 0.55 else "#1a1a1a",
            )
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(ylabels, fontsize=8)
    ax.set_xticks(range(len(groups)))
    ax.xaxis.tick_top()
    if rotate:
        ax.set_xticklabels(xlabels, fontsize=7.5, rotation=35, ha="left", rotation_mode="anchor")
    else:
        ax.set_xticklabels(xlabels, fontsize=7.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    # White cell borders as two line collections (minor ticks would cost ~0.15 s per chart).
    ax.vlines(np.arange(0.5, len(groups) - 1, 1), -0.5, len(rows) - 0.5, colors="white", lw=1.5)
    ax.hlines(np.arange(0.5, len(rows) - 1, 1), -0.5, len(groups) - 0.5, colors="white", lw=1.5)
    ax.set_xlim(-0.5, len(groups) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    bar = fig.colorbar(im, cax=cax, format=_percent_formatter(t))
    bar.set_label(t("chart_colorbar"), fontsize=7.5)
    bar.ax.tick_params(labelsize=7, length=2)
    bar.outline.set_visible(False)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 3})
    return buf.getvalue()


def _percent_formatter(t: Text) -> object:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: t.percent(x))
