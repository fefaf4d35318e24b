"""The prevalence chart: a heat map of the share of each group's interviews mentioning a code.

Rendered with matplotlib's Agg backend to PNG bytes (no display needed).
"""

from __future__ import annotations

import io
import textwrap

from coding.report.model import ThemeReport
from coding.report.strings import Text

WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with 2.5 cm margins


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
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    rows = theme.codes or [theme.root]
    data = np.zeros((len(rows), len(groups)))
    for i, code in enumerate(rows):
        for j, (_, n) in enumerate(groups):
            data[i, j] = code.by_group[j][0] / n if n else 0.0
    rotate = len(groups) > 5
    height = 1.1 + 0.32 * len(rows) + (0.9 if rotate else 0.25)
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8})
    fig, ax = plt.subplots(figsize=(width_cm / 2.54, height), dpi=dpi)
    cmap = LinearSegmentedColormap.from_list("tematik", ["#f4f7fb", "#9db9dc", "#1f3864"])
    im = ax.imshow(data, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
    for i in range(len(rows)):
        for j, (_, n) in enumerate(groups):
            k = rows[i].by_group[j][0]
            text = f"{k}/{n}" if n else "–"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=7.5,
                color="white" if data[i, j] > 0.55 else "#1a1a1a",
            )
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([_label(c.name, c.depth) for c in rows])
    ax.set_xticks(range(len(groups)))
    ax.xaxis.tick_top()
    if rotate:
        ax.set_xticklabels(
            [f"{g} (n = {n})" for g, n in groups], fontsize=7.5, rotation=35, ha="left"
        )
    else:
        wrap = max(8, int(70 / max(len(groups), 1)))
        ax.set_xticklabels(
            ["\n".join(textwrap.wrap(g, wrap)) + f"\n(n = {n})" for g, n in groups],
            fontsize=7.5,
        )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, len(groups), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    bar = fig.colorbar(im, ax=ax, fraction=0.035, pad=0.02, format=_percent_formatter(t))
    bar.set_label(t("chart_colorbar"), fontsize=7.5)
    bar.ax.tick_params(labelsize=7)
    bar.outline.set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    plt.close(fig)
    return buf.getvalue()


def _percent_formatter(t: Text) -> object:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: t.percent(x))
