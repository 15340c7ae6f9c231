"""Charts where a picture says more than a table: encounters per year (by type), statements
per year (by stance) and a state's top counterparts per year (a heat map), to PNG, SVG or
PDF, with the fonts, headless backend and reproducible output of :mod:`kg.views.plot`.

The numbers come from :mod:`kg.views.graphs` (``encounters_per_year``, ``stances_per_year``,
``counterpart_years``), so a chart and ``kg view counterparts`` agree.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from kg.errors import ViewError
from kg.views.export import STANCE_COLORS
from kg.views.plot import check_format, figure_context, save_figure
from kg.views.snapshot import EVENT_TYPES, Snapshot
from kg.views.graphs import STANCES, Filters, counterpart_years, encounters_per_year, stances_per_year

__all__ = ["draw_chart", "CHARTS"]

CHARTS = ("encounters-per-year", "stances-per-year", "counterparts")
_TYPE_COLORS = {"PhoneCall": "#4c72b0", "VideoCall": "#64b5cd", "Meeting": "#dd8452", "Talks": "#c44e52",
                "Visit": "#8172b3", "MessageExchange": "#937860"}
_TYPE_NAMES = {"PhoneCall": "phone call", "VideoCall": "video call", "Meeting": "meeting", "Talks": "talks",
               "Visit": "visit", "MessageExchange": "message exchange"}


def _years(rows: list[dict[str, Any]]) -> list[str]:
    """Every year from the first to the last of ``rows``: a year without any shows as a gap."""
    years = sorted({r["year"] for r in rows if r["year"].isdigit()})
    return [str(y) for y in range(int(years[0]), int(years[-1]) + 1)] if years else []


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % rgb


def _dates(snap: Snapshot, filters: Filters) -> str:
    """First to last encounter within ``filters``: a partial last year reads as one."""
    dates = [p.date for p in snap.participations if filters.dated(p.date)]
    return f"{min(dates)} to {max(dates)}" if dates else ""


def _integers(axes: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def _where(filters: Filters) -> str:
    parts = []
    if filters.states:
        parts.append("involving " + ", ".join(sorted(filters.states)))
    if filters.topics:
        parts.append("on " + ", ".join(sorted(filters.topics)))
    return "; ".join(parts)


def _empty(axes: Any, what: str) -> None:
    axes.text(0.5, 0.5, f"no {what} match these filters", ha="center", va="center", transform=axes.transAxes,
              color="#666666")
    axes.set_xticks([])
    axes.set_yticks([])


def _encounters(snap: Snapshot, filters: Filters, title: str | None) -> Any:
    import matplotlib.pyplot as plt

    rows = encounters_per_year(snap, filters)
    years = _years(rows)
    counts = {(r["year"], r["type"]): r["encounters"] for r in rows}
    figure, axes = plt.subplots(figsize=(11, 5.5))
    axes.set_title(title or "Encounters per year, by type", fontsize=14, pad=22)
    total = sum(counts.values())
    axes.annotate(" · ".join(filter(None, [f"{total:,} encounters", _dates(snap, filters), _where(filters)])),
                  (0.5, 1.0), xycoords="axes fraction", xytext=(0, 6), textcoords="offset points", ha="center", fontsize=9,
                  color="#444444")
    if not years:
        _empty(axes, "encounters")
        return figure
    bottom = [0] * len(years)
    for kind in [t for t in EVENT_TYPES if any(k == t for _, k in counts)]:
        heights = [counts.get((y, kind), 0) for y in years]
        axes.bar(years, heights, bottom=bottom, color=_TYPE_COLORS.get(kind, "#999999"),
                 label=_TYPE_NAMES.get(kind, kind), width=0.75)
        bottom = [b + h for b, h in zip(bottom, heights)]
    for x, height in zip(years, bottom):
        axes.annotate(f"{height:,}", (x, height), xytext=(0, 2), textcoords="offset points", ha="center", fontsize=8)
    axes.set_ylabel("encounters")
    _integers(axes)
    axes.margins(y=0.1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9, title="type")
    return figure


def _stances(snap: Snapshot, filters: Filters, title: str | None) -> Any:
    """One panel per stance with a scale of its own: a rare stance (oppose) stays visible."""
    import matplotlib.pyplot as plt

    rows = stances_per_year(snap, filters)
    years = _years(rows)
    counts = {(r["year"], r["stance"]): r["statements"] for r in rows}
    figure, panels = plt.subplots(len(STANCES), 1, figsize=(11, 7), sharex=True)
    totals = Counter({s: sum(n for (_, stance), n in counts.items() if stance == s) for s in STANCES})
    panels[0].set_title(title or "Endorsements per year, by stance", fontsize=14, pad=22)
    panels[0].annotate(" · ".join(filter(None, [", ".join(f"{totals[s]:,} {s}" for s in STANCES), _where(filters)])),
                       (0.5, 1.0), xycoords="axes fraction", xytext=(0, 6), textcoords="offset points",
                       ha="center", fontsize=9, color="#444444")
    for stance, axes in zip(STANCES, panels):
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_ylabel(stance, color=_hex(STANCE_COLORS[stance]), fontweight="bold")
        if not years:
            _empty(axes, "statements")
            continue
        heights = [counts.get((y, stance), 0) for y in years]
        axes.bar(years, heights, color=_hex(STANCE_COLORS[stance]), width=0.75)
        for x, height in zip(years, heights):
            if height:
                axes.annotate(f"{height:,}", (x, height), xytext=(0, 2), textcoords="offset points", ha="center",
                              fontsize=8)
        axes.set_ylim(0, max(max(heights) * 1.2, 1))
        _integers(axes)
    return figure


def _busiest(snap: Snapshot, filters: Filters) -> str:
    """The code of the state or organisation in the most encounters (with another side) within ``filters``."""
    events: dict[str, set[str]] = {}
    for p in snap.participations:
        if filters.dated(p.date) and p.person in snap.represents:
            events.setdefault(p.event, set()).add(snap.code(snap.represents[p.person]))
    counts = Counter(code for sides in events.values() if len(sides) > 1 for code in sides if code)
    if not counts:
        raise ViewError("no encounters match these filters: nothing to chart")
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _counterpart_rows(snap: Snapshot, filters: Filters, lang: str, top: int) -> tuple[str, list[dict[str, Any]]]:
    """(the state charted, its rows): the one --state, else the busiest."""
    if len(filters.states) > 1:
        raise ViewError("the counterparts chart is about one state: give a single --state")
    chosen = next(iter(filters.states)) if filters.states else _busiest(snap, filters)
    return chosen, counterpart_years(snap, chosen, filters, lang, top)


def _counterparts(snap: Snapshot, filters: Filters, chosen: str, rows: list[dict[str, Any]], lang: str,
                  title: str | None) -> Any:
    import matplotlib.pyplot as plt
    import numpy as np

    years = _years(rows)
    names = list(dict.fromkeys(f"{r['label']} ({r['counterpart']})" for r in rows))
    grid = np.zeros((len(names), len(years)), dtype=int)
    for r in rows:
        grid[names.index(f"{r['label']} ({r['counterpart']})"), years.index(r["year"])] = r["encounters"]
    ours = next((iri for iri, code in snap.codes.items() if code == chosen), "")
    figure, axes = plt.subplots(figsize=(max(7.0, 2.5 + 0.55 * len(years)), max(3.5, 1.6 + 0.4 * len(names))))
    axes.set_title(title or f"{snap.label(ours, lang) if ours else chosen}: top {len(names)} counterparts per year",
                   fontsize=14, pad=22)
    note = "" if filters.states else f"{chosen} has the most encounters (choose another with --state)"
    axes.annotate(" · ".join(filter(None, [f"encounters with {chosen}, busiest counterparts first", note,
                                           _dates(snap, filters)])),
                  (0.5, 1.0), xycoords="axes fraction", xytext=(0, 6), textcoords="offset points", ha="center",
                  fontsize=9, color="#444444")
    if not names:
        _empty(axes, "encounters")
        return figure
    image = axes.imshow(grid, cmap="Blues", aspect="auto", vmin=0)
    axes.set_xticks(range(len(years)), years, rotation=45 if len(years) > 12 else 0)
    axes.set_yticks(range(len(names)), names)
    high = grid.max() or 1
    for (i, j), value in np.ndenumerate(grid):
        if value:
            axes.text(j, i, f"{value:,}", ha="center", va="center", fontsize=8,
                      color="white" if value > high * 0.6 else "#222222")
    figure.colorbar(image, ax=axes, label="encounters", fraction=0.04, pad=0.02)
    return figure


def draw_chart(name: str, snap: Snapshot, filters: Filters, path: Path, lang: str = "en", top: int = 10,
               title: str | None = None) -> Path:
    """Draw chart ``name`` (one of :data:`CHARTS`) of ``snap`` within ``filters`` to ``path``."""
    check_format(path)
    if name not in CHARTS:
        raise ViewError(f"unknown chart {name!r}; expected one of {', '.join(CHARTS)}")
    if top < 1:
        raise ViewError("--top must be 1 or more")
    chosen, rows = _counterpart_rows(snap, filters, lang, top) if name == "counterparts" else ("", [])
    ours = [snap.label(iri, lang) for iri, code in snap.codes.items() if code == chosen][:1]
    with figure_context((title or "") + "".join(ours) + "".join(r["label"] for r in rows)):
        if name == "encounters-per-year":
            figure = _encounters(snap, filters, title)
        elif name == "stances-per-year":
            figure = _stances(snap, filters, title)
        else:
            figure = _counterparts(snap, filters, chosen, rows, lang, title)
        return save_figure(figure, path)
