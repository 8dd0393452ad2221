"""What the Analyse page shows of a cross-table: texts, the chart that fits, the maps, the grid.

Pure functions from the data context and the state (no Dash): the page, its exports and the
tests read the same texts. The chart follows the table's size: a dot plot with intervals up to
:data:`MAX_DOT_COLUMNS` columns and :data:`MAX_DOT_CELLS` cells, a heatmap beyond. When one
dimension is the territory, the other one's members get a region map each, all on one
classification (:mod:`dashboard.figures.small_multiples`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice
from dashboard.figures.choropleth import LegendItem
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.figures.heatmap import heatmap_figure
from dashboard.figures.small_multiples import small_multiples_figure
from dashboard.text.cells import caption_text, cell_text, interval_text, release_text, status_labels
from dashboard.text.hover import value_label
from dashboard.text.i18n import labelled, t
from dashboard.text.markup import escape, wrapped
from dashboard.text.numbers import format_count
from dashboard.views.analyse_table import (
    AGAINST_FIRST,
    AGAINST_FRANCE,
    AGAINST_REST,
    CrossTable,
    cross_table,
)
from dashboard.views.carte import PRECISION, no_value_states
from dashboard.views.small_multiples import MAX_PANELS, MapPanel, shared_classification
from phare.selection import NOT_COVERED, NOT_PUBLISHED, OK
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
            values=cells["value"].where(shown).to_numpy(dtype=float).reshape(shape),
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
        parts.append(_territory_name(context, choice.territory))
    if "fragility" in dimensions and choice.group is not None:
        parts.append(catalogue.fragility_groups[choice.group].label(lang))
    crossing = f"{t('dim_' + choice.rows, lang)} × {t('dim_' + choice.cols, lang)}"
    return " — ".join([*parts, crossing])


def _territory_name(context: DataContext, code: str) -> str:
    return "France" if code == FRANCE else context.catalogue.regions[code].name


def _test_note(table: CrossTable, lang: str) -> str:
    key = {
        AGAINST_REST: "test_rest",
        AGAINST_FIRST: "test_first",
        AGAINST_FRANCE: "test_france",
    }.get(table.test, "test_none")
    first = table.cols[0].label if table.cols else ""
    return t(key, lang, first=first)


# -- chart -------------------------------------------------------------------------------------


def chart_figure(context: DataContext, view: AnalysisView, *, caption: bool = True) -> go.Figure:
    """The dot plot or the heatmap of the table (``caption``: sources inside the figure)."""
    lang = view.state.lang
    table = view.table
    categories = _row_categories(context, view)
    text = wrapped(view.caption) if caption else ""
    value_range = context.catalogue.unit_of(view.state.indicator).domain or _data_range(view)
    if view.chart == DOTS:
        series = [
            DotSeries(
                name=col.label,
                values=view.values[:, at],
                lows=table.matrix("ci_low")[:, at].astype(float),
                highs=table.matrix("ci_high")[:, at].astype(float),
                markers=list(table.matrix("mark")[:, at]),
                hover=[escape(h) for h in _hover_column(view, at)],
                france=col.id == FRANCE and table.choice.cols == "territory",
            )
            for at, col in enumerate(table.cols)
        ]
        return dot_chart(
            categories,
            series,
            caption=text,
            x_range=value_range,
            x_title=_axis_title(context, view),
            simulated=view.simulated,
            lang=lang,
        )
    hover = [[escape(h) for h in _hover_row(view, at)] for at in range(len(table.rows))]
    return heatmap_figure(
        categories,
        [col.label for col in table.cols],
        view.values,
        [list(row) for row in view.texts],
        hover,
        value_range=value_range,
        caption=text,
        colour_title=_axis_title(context, view),
        simulated=view.simulated,
        lang=lang,
    )


def _row_categories(context: DataContext, view: AnalysisView):
    """Row labels; fragilities under their group (a two-level axis)."""
    rows = view.table.rows
    if view.table.choice.rows != "fragility":
        return [row.label for row in rows]
    groups = context.catalogue.fragility_groups
    return ([groups[row.group].label(view.state.lang) for row in rows], [r.label for r in rows])


def _data_range(view: AnalysisView) -> tuple[float, float]:
    values = view.values[~np.isnan(view.values)]
    return (0.0, float(values.max())) if values.size else (0.0, 1.0)


def _axis_title(context: DataContext, view: AnalysisView) -> str:
    indicator = context.catalogue.indicators[view.state.indicator]
    return (
        indicator.label(view.state.lang) if view.unit != "pct" else t("share_axis", view.state.lang)
    )


def _hover_line(view: AnalysisView, row: int, col: int) -> str:
    table = view.table
    parts = [f"{table.rows[row].label} · {table.cols[col].label} : {view.texts[row, col]}"]
    if view.intervals[row, col]:
        parts.append(f"[{view.intervals[row, col]}]")
    if view.bases[row, col]:
        parts.append(f"n = {view.bases[row, col]}")
    return " ".join(parts)


def _hover_column(view: AnalysisView, col: int) -> list[str]:
    return [_hover_line(view, row, col) for row in range(len(view.table.rows))]


def _hover_row(view: AnalysisView, row: int) -> list[str]:
    return [_hover_line(view, row, col) for col in range(len(view.table.cols))]


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


# -- small multiples ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MapsSpec:
    panels: tuple[MapPanel, ...]
    dropped: tuple[str, ...]  # members beyond MAX_PANELS, left out of the maps


def map_panels(context: DataContext, view: AnalysisView) -> MapsSpec | None:
    """One region map per member of the dimension that is not the territory; None when no
    dimension is the territory."""
    axis = view.territory_axis
    if axis is None:
        return None
    table = view.table
    others = table.cols if axis == "rows" else table.rows
    lang = view.state.lang
    features = context.features["region"]
    labels = no_value_labels(context, lang)
    panels = []
    for at, member in enumerate(others[:MAX_PANELS]):
        per_region = _panel_cells(view, axis, at)
        panels.append(MapPanel(member.label, _panel_frame(features, per_region, labels)))
    return MapsSpec(tuple(panels), tuple(m.label for m in others[MAX_PANELS:]))


def no_value_labels(context: DataContext, lang: str) -> dict[str, str]:
    return {state.id: state.label for state in no_value_states(context, lang)}


def _panel_cells(view: AnalysisView, axis: str, at: int) -> pd.DataFrame:
    """The territory's values of one member: code, value, label, hover text, status."""
    territories = view.table.rows if axis == "rows" else view.table.cols

    def pick(matrix: np.ndarray) -> np.ndarray:
        return matrix[:, at] if axis == "rows" else matrix[at, :]

    statuses = pick(view.table.matrix("status"))
    values = pick(view.values)
    texts, intervals, bases = pick(view.texts), pick(view.intervals), pick(view.bases)
    rows = []
    for index, member in enumerate(territories):
        if member.id == FRANCE:
            continue
        hover = [escape(texts[index])]
        if intervals[index]:
            hover.append(escape(f"[{intervals[index]}]"))
        if bases[index]:
            hover.append(f"n = {bases[index]}")
        rows.append(
            {
                "region": member.id,
                "value": values[index],
                "status": OK if not np.isnan(values[index]) else statuses[index],
                "label": texts[index] if not np.isnan(values[index]) else "",
                "hover": "<br>".join(hover),
            }
        )
    return pd.DataFrame(rows)


def _panel_frame(
    features: pd.DataFrame, cells: pd.DataFrame, labels: dict[str, str]
) -> pd.DataFrame:
    metro = features[~features["overseas"]]  # no overseas survey: the maps draw the mainland
    drawn = metro[["code", "name", "region", "lon", "lat", "overseas"]].merge(
        cells, on="region", how="left"
    )
    overseas = drawn["overseas"].to_numpy(dtype=bool)
    status = drawn["status"].where(~overseas, NOT_COVERED).fillna(NOT_COVERED)
    status = status.where(status.isin([OK, *labels]), NOT_PUBLISHED)
    names = drawn["name"].map(escape)
    hover = drawn["hover"].where(~overseas, status.map(labels)).fillna("")
    return pd.DataFrame(
        {
            "code": drawn["code"],
            "status": status,
            "value": drawn["value"].where(~overseas),
            "label": drawn["label"].where(~overseas, "").fillna(""),
            "text": "<b>" + names + "</b><br>" + hover,
            "lon": drawn["lon"],
            "lat": drawn["lat"],
        }
    )


def maps_figure(
    context: DataContext, view: AnalysisView, spec: MapsSpec, geometry: str
) -> go.Figure:
    """The small multiples on one classification (the state's scheme and number of classes)."""
    state = view.state
    lang = state.lang
    domain = context.catalogue.unit_of(state.indicator).domain
    scheme = "fixed" if state.classes == "diverging" else state.classes
    classification, indices = shared_classification(
        spec.panels, scheme, state.k, domain, precision=PRECISION.get(view.unit, 1)
    )
    if classification.unclassed:
        items = [value_label(low, view.unit, lang) for low in classification.lower]
    else:
        items = [
            f"{value_label(low, view.unit, lang)} – {value_label(high, view.unit, lang)}"
            for low, high in zip(classification.lower, classification.upper, strict=True)
        ]
    states = no_value_states(context, lang)
    present = {status for panel in spec.panels for status in panel.frame["status"]}
    legend = (
        *(LegendItem(c, label, "") for c, label in zip(classification.colours, items, strict=True)),
        *(LegendItem(s.fill, s.label, "") for s in states if s.id in present),
    )
    return small_multiples_figure(
        spec.panels,
        classification,
        indices,
        geometry,
        states,
        legend,
        labelled("legend", lang).rstrip(" :"),
        labels=state.labels or classification.unclassed,
        simulated=view.simulated,
        lang=lang,
    )


# -- grid and copies ---------------------------------------------------------------------------


def grid_rows(view: AnalysisView) -> list[dict]:
    """One row per table row: label (and group), then per column its value (a number, for
    sorting), the value as shown, the interval and the base."""
    rows = []
    for r, member in enumerate(view.table.rows):
        row = {"code": member.id, "label": member.label, "group": member.group}
        for c in range(len(view.table.cols)):
            value = view.values[r, c]
            row[f"c{c}_value"] = None if np.isnan(value) else float(value)
            row[f"c{c}_text"] = view.texts[r, c]
            row[f"c{c}_interval"] = view.intervals[r, c]
            row[f"c{c}_n"] = view.bases[r, c]
        rows.append(row)
    return rows


def group_labels(context: DataContext, view: AnalysisView) -> dict[str, str]:
    groups = context.catalogue.fragility_groups
    return {group.id: group.label(view.state.lang) for group in groups.values()}


def excel_text(view: AnalysisView) -> str:
    """The table as a spreadsheet paste expects it: tab-separated, decimal comma in French;
    a cell without a value says why (« non publié »)."""
    lang = view.state.lang
    decimal = "," if lang == "fr" else "."
    table = view.table
    header = [t(f"dim_{table.choice.rows}", lang)]
    for col in table.cols:
        header += [
            f"{col.label} – {t('value', lang)}",
            f"{col.label} – {t('ci_low_col', lang)}",
            f"{col.label} – {t('ci_high_col', lang)}",
            f"{col.label} – {t('n_col', lang)}",
        ]
    lines = ["\t".join(header)]
    lows, highs, bases = (table.matrix(name) for name in ("ci_low", "ci_high", "n"))
    for r, member in enumerate(table.rows):
        cells = [member.label]
        for c in range(len(table.cols)):
            value = view.values[r, c]
            shown = view.statuses[r, c] if np.isnan(value) else _number(value, decimal)
            cells += [
                shown,
                _number(lows[r, c], decimal),
                _number(highs[r, c], decimal),
                _number(bases[r, c], decimal),
            ]
        lines.append("\t".join(cells))
    lines.append(labelled("source", lang) + view.caption)
    return "\r\n".join(lines) + "\r\n"


def _number(value: object, decimal: str) -> str:
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{round(number, 4):g}"
    return text.replace(".", decimal)
