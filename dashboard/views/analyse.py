"""What the Analyse page shows of a cross-table: its texts, the chart that fits, the top 3.

Pure functions from the data context and the state (no Dash, no figures): the page, its exports
and the tests read the same texts and numbers. The chart follows the table's size: a dot plot
with intervals up to :data:`MAX_DOT_COLUMNS` columns and :data:`MAX_DOT_CELLS` cells, a heatmap
beyond (:func:`analysis_chart` gives what it draws, :mod:`dashboard.figures.analyse` draws it).
The maps are in :mod:`dashboard.views.analyse_maps`, the grid and its copy in
:mod:`dashboard.views.analyse_grid`, the controls in :mod:`dashboard.views.analyse_controls`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice
from dashboard.core.values import territory_name
from dashboard.text.cells import caption_text, cell_text, interval_text, release_text, status_labels
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.views.analyse_table import (
    AGAINST_FIRST,
    AGAINST_FRANCE,
    AGAINST_REST,
    CrossTable,
    cross_table,
)
from dashboard.views.no_value import NoValue, no_value
from phare.selection import OK
from phare.weighted import PRUDENCE

MAX_DOT_COLUMNS, MAX_DOT_CELLS = 4, 40
TOP_SIZE = 3
DOTS, HEATMAP = "dots", "heatmap"


@dataclass(frozen=True, eq=False)
class AnalysisView:
    state: AppState  # the state with the table's effective rows, cols and filters
    table: CrossTable
    title: str
    question: str
    unit: str
    caption: str  # source, study, question, base, release: one paragraph
    values: np.ndarray  # rows × cols, NaN where no value is shown
    texts: np.ndarray  # rows × cols: the value as shown ("7,1 ▲", "non publié")
    intervals: np.ndarray  # rows × cols: "6,9 – 7,3" or ""
    bases: np.ndarray  # rows × cols: "2 024" or ""
    statuses: np.ndarray  # rows × cols: the status in words
    test_note: str  # what the marks compare, in words
    simulated: bool
    # no value shown in any cell: the chart and the maps give way to this sentence
    no_value: NoValue | None = None

    @property
    def chart(self) -> str:
        n_rows, n_cols = len(self.table.rows), len(self.table.cols)
        few = n_cols <= MAX_DOT_COLUMNS and n_rows * n_cols <= MAX_DOT_CELLS
        return DOTS if few else HEATMAP

    @property
    def territory_axis(self) -> str | None:
        """``rows`` or ``cols``: the dimension that is the territory, if one is."""
        choice = self.table.choice
        return next((a for a in ("rows", "cols") if getattr(choice, a) == "territory"), None)


def analysis_view(context: DataContext, state: AppState) -> tuple[AnalysisView, list[Notice]]:
    table, notices = cross_table(context, state)
    choice = table.choice
    effective = state.model_copy(
        update={
            "rows": choice.rows,
            "cols": choice.cols,
            "actor": choice.actor,
            "segment": choice.segment,
            "territory": choice.territory,
            "fragility": choice.fragility,
        }
    )
    lang = state.lang
    catalogue = context.catalogue
    dataset = context.dataset(state.dataset)
    indicator = catalogue.indicators[state.indicator]
    unit = indicator.unit
    labels = status_labels(catalogue, lang, estimated=dataset.kind != "published")
    cells = table.cells
    shown = cells["status"].isin([OK, PRUDENCE])
    texts = [
        _with_mark(cell_text(v, s, unit, catalogue, lang), m)
        for v, s, m in zip(cells["value"], cells["status"], cells["mark"], strict=True)
    ]
    shape = (len(table.rows), len(table.cols))
    values = cells["value"].where(shown).to_numpy(dtype=float)
    return (
        AnalysisView(
            state=effective,
            table=table,
            title=_title(context, effective, table),
            question=indicator.question(lang),
            unit=unit,
            caption=caption_text(
                cells, indicator.question(lang), release_text(dataset, lang), catalogue, lang
            ),
            values=values.reshape(shape),
            texts=np.array(texts, dtype=object).reshape(shape),
            intervals=np.array(
                [
                    interval_text(low, high, unit, lang)
                    for low, high in zip(cells["ci_low"], cells["ci_high"], strict=True)
                ],
                dtype=object,
            ).reshape(shape),
            bases=np.array(
                ["" if pd.isna(n) else format_count(int(n), lang) for n in cells["n"]],
                dtype=object,
            ).reshape(shape),
            statuses=cells["status"].map(labels).fillna("").to_numpy(dtype=object).reshape(shape),
            test_note=_test_note(table, lang),
            simulated=dataset.simulated,
            no_value=None
            if (~np.isnan(values)).any()
            else no_value(t("analyse_no_value", lang), state),
        ),
        notices,
    )


def _with_mark(text: str, mark: str) -> str:
    return f"{text} {mark}" if mark else text


def _title(context: DataContext, state: AppState, table: CrossTable) -> str:
    """Indicator — the filters (what every cell shares) — "rows × columns"."""
    catalogue, lang = context.catalogue, state.lang
    choice = table.choice
    dimensions = (choice.rows, choice.cols)
    parts = [catalogue.indicators[state.indicator].label(lang)]
    if "fragility" not in dimensions and choice.fragility is not None:
        parts.append(catalogue.fragilities[choice.fragility].label(lang))
    if "actor" not in dimensions:
        actor = catalogue.actors[choice.actor].label(lang)
        if "segment" not in dimensions and choice.segment != "all":
            actor = f"{actor} ({catalogue.segments[choice.segment].label(lang)})"
        parts.append(actor)
    if "territory" not in dimensions:
        parts.append(territory_name(context, choice.territory))
    if "fragility" in dimensions and choice.group is not None:
        parts.append(catalogue.fragility_groups[choice.group].label(lang))
    crossing = f"{t('dim_' + choice.rows, lang)} × {t('dim_' + choice.cols, lang)}"
    return " — ".join([*parts, crossing])


def _test_note(table: CrossTable, lang: str) -> str:
    key = {
        AGAINST_REST: "test_rest",
        AGAINST_FIRST: "test_first",
        AGAINST_FRANCE: "test_france",
    }.get(table.test, "test_none")
    first = table.cols[0].label if table.cols else ""
    return t(key, lang, first=first)


# -- chart -------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class AnalysisChart:
    """What the table's chart draws, in plain text and numbers; arrays are rows × columns."""

    kind: str  # DOTS or HEATMAP (see AnalysisView.chart)
    rows: tuple[str, ...]  # row labels, top to bottom
    groups: tuple[str, ...] | None  # each row's fragility group: a two-level axis; else None
    columns: tuple[str, ...]
    france: tuple[bool, ...]  # per column: France among the regions (drawn apart)
    values: np.ndarray  # NaN where no value is shown
    lows: np.ndarray  # the interval's ends (NaN without one)
    highs: np.ndarray
    marks: np.ndarray  # "▲", "▼" or "": a significant difference (see CrossTable.test)
    texts: np.ndarray  # the value as shown ("7,1 ▲", "non publié")
    hover: np.ndarray  # "row · column : value [interval] n = base", plain text
    value_range: tuple[float, float]  # the indicator's scale, else 0 to the largest value
    axis_title: str
    caption: str  # source, study, question, base, release: plain text
    simulated: bool
    lang: str


def analysis_chart(context: DataContext, view: AnalysisView) -> AnalysisChart:
    """The chart of the table: the dot plot or the heatmap, as :attr:`AnalysisView.chart`."""
    table = view.table
    domain = context.catalogue.unit_of(view.state.indicator).domain
    return AnalysisChart(
        kind=view.chart,
        rows=tuple(row.label for row in table.rows),
        groups=_row_groups(context, view),
        columns=tuple(col.label for col in table.cols),
        france=tuple(col.id == FRANCE and table.choice.cols == "territory" for col in table.cols),
        values=view.values,
        lows=table.matrix("ci_low").astype(float),
        highs=table.matrix("ci_high").astype(float),
        marks=table.matrix("mark"),
        texts=view.texts,
        hover=hover_lines(view),
        value_range=domain or _data_range(view),
        axis_title=_axis_title(context, view),
        caption=view.caption,
        simulated=view.simulated,
        lang=view.state.lang,
    )


def _row_groups(context: DataContext, view: AnalysisView) -> tuple[str, ...] | None:
    """Fragilities are shown under their group (a two-level axis); other rows are not."""
    if view.table.choice.rows != "fragility":
        return None
    groups = context.catalogue.fragility_groups
    return tuple(groups[row.group].label(view.state.lang) for row in view.table.rows)


def _data_range(view: AnalysisView) -> tuple[float, float]:
    values = view.values[~np.isnan(view.values)]
    return (0.0, float(values.max())) if values.size else (0.0, 1.0)


def _axis_title(context: DataContext, view: AnalysisView) -> str:
    indicator = context.catalogue.indicators[view.state.indicator]
    return (
        indicator.label(view.state.lang) if view.unit != "pct" else t("share_axis", view.state.lang)
    )


def hover_lines(view: AnalysisView) -> np.ndarray:
    """Each cell's hover, rows × columns: its row and column, the value as shown, the
    interval and the base when there are."""
    shape = (len(view.table.rows), len(view.table.cols))
    lines = np.empty(shape, dtype=object)
    for row, col in np.ndindex(*shape):
        lines[row, col] = _hover_line(view, row, col)
    return lines


def _hover_line(view: AnalysisView, row: int, col: int) -> str:
    table = view.table
    parts = [f"{table.rows[row].label} · {table.cols[col].label} : {view.texts[row, col]}"]
    if view.intervals[row, col]:
        parts.append(f"[{view.intervals[row, col]}]")
    if view.bases[row, col]:
        parts.append(f"n = {view.bases[row, col]}")
    return " ".join(parts)


# -- top 3 (regard croisé) ---------------------------------------------------------------------


def shows_top3(view: AnalysisView) -> bool:
    choice = view.table.choice
    return choice.rows == "fragility" and choice.cols == "actor"


def top_rows(view: AnalysisView, size: int = TOP_SIZE) -> list[list[str]]:
    """For each column (actor), the ``size`` rows (fragilities) with the highest shown values:
    the table's own numbers, ordered (ties keep the catalogue's order)."""
    lines = []
    for at, col in enumerate(view.table.cols):
        values = view.values[:, at]
        order = [i for i in np.argsort(-values, kind="stable") if not np.isnan(values[i])][:size]
        picks = [f"{view.table.rows[i].label} ({view.texts[i, at]})" for i in order]
        if not picks:  # nothing shown in the column: it says why, as its cells do
            picks = [str(view.statuses[0, at])]
        lines.append([col.label, *picks, *[""] * (size - len(picks))])
    return lines
