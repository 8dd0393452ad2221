"""The Analyse page's cross-table: two dimensions of the data, every cell from the data layer.

Rows and columns are two of actor, segment, territory (France and the 13 regions) and
fragility; the other dimensions are filters read from the state. ``group`` in a URL is the
fragilities under their group's heading (the sources publish no figure for a group as a
whole, so a group is a heading and a filter, never a number). Each cell is one row of
:func:`dashboard.core.values.view_values`, the function behind the Carte: a cell and the map never
disagree, and the table adds no statistics of its own.

Differences between columns (:func:`column_tests`), by what the columns are:

- segments: each segment against the rest of its actor in the same territory
  (:func:`phare.estimates.segment_against_rest`), Holm across the row's segments;
- actors: each actor against the first column's, as independent samples (different surveys
  of different populations: the gaps are indicative), Holm across the row;
- territories: each region against the rest of France, as the data layer tests it for the
  Carte (Holm across the 13 regions of a view);
- fragilities: not tested (the same respondents scored every fragility: the two estimates
  are not independent).

Published figures have no interval: they are never tested.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice
from dashboard.core.values import view_columns
from phare.comparisons import difference_p_values
from phare.datasets import Dataset
from phare.estimates import ESTIMATE_COLUMNS, segment_against_rest
from phare.microdata_format import SURVEYED_ACTORS
from phare.prepared import ALL, actor_segments
from phare.weighted import holm_significant

DIMENSIONS = ("fragility", "actor", "segment", "territory")
GROUP = "group"  # a URL's rows=group / cols=group: the fragilities under their group
ALL_GROUPS = "all"  # the group control's "the 16 fragilities"
# the page's controls, by the state field each sets (ids: analyse-<field>)
CONTROLS = ("dataset", "indicator", "fragility", "rows", "cols", "actor", "segment", "territory")
NOT_APPLICABLE = "sans_objet"
ABOVE_MARK, BELOW_MARK = "▲", "▼"
NOT_TESTED, AGAINST_REST, AGAINST_FIRST, AGAINST_FRANCE = "none", "rest", "first", "france"
# significant: against the column's reference (see column_tests); None: not tested
CELL_COLUMNS = (
    "row",
    "col",
    "actor",
    "segment",
    "territory",
    "fragility",
    *ESTIMATE_COLUMNS,
    "mark",  # ▲ / ▼ when significant, else ""
    "source",
    "study",
    "note",
    "confidence",  # the source's confidence in a published figure ("" otherwise)
)
CACHED_TABLES = 64  # the last tables asked for, per data context
View = tuple[str, str, str | None]  # actor, segment, fragility
Columns = dict[str, np.ndarray]  # a view's columns (dashboard.core.values.view_columns)
CELL_FIELDS = (
    *("value", "ci_low", "ci_high", "n", "n_eff", "status"),
    *("source", "study", "note", "confidence"),
)


@dataclass(frozen=True)
class Member:
    """One row or column: its id in the URL, its label, and its fragility group (if any)."""

    id: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class TableChoice:
    """The dimensions and filters of a table, each one usable with the state's indicator."""

    rows: str
    cols: str
    actor: str
    segment: str
    territory: str
    fragility: str | None
    group: str | None


@dataclass(frozen=True, eq=False)
class CrossTable:
    choice: TableChoice
    rows: tuple[Member, ...]
    cols: tuple[Member, ...]
    cells: pd.DataFrame  # CELL_COLUMNS, row-major: every column of the first row, then …
    test: str  # what the columns are tested against: NOT_TESTED, AGAINST_REST, …

    def matrix(self, column: str) -> np.ndarray:
        """``column`` of the cells as a rows × columns array."""
        return self.cells[column].to_numpy().reshape(len(self.rows), len(self.cols))


def table_choice(context: DataContext, state: AppState) -> tuple[TableChoice, list[Notice]]:
    """The state's table, each dimension or filter that cannot apply replaced, with a notice."""
    catalogue = context.catalogue
    notices: list[Notice] = []
    per_fragility = catalogue.indicators[state.indicator].per_fragility
    default_rows, default_cols = ("fragility", "actor") if per_fragility else ("territory", "actor")
    rows = _dimension(state.rows, default_rows)
    cols = _dimension(state.cols, default_cols)
    if not per_fragility and "fragility" in (rows, cols):
        replaced = "rows" if rows == "fragility" else "cols"
        other = cols if replaced == "rows" else rows
        fallback = next(d for d in ("territory", "actor", "segment") if d != other)
        notices.append(Notice(replaced, "fragility", fallback, kind="not_applicable"))
        rows, cols = (fallback, cols) if replaced == "rows" else (rows, fallback)
    if rows == cols:
        fallback = next(d for d in DIMENSIONS if d != rows and (per_fragility or d != "fragility"))
        notices.append(Notice("cols", cols, fallback, kind="not_applicable"))
        cols = fallback
    dimensions = (rows, cols)
    actor = state.actor if state.actor in SURVEYED_ACTORS else SURVEYED_ACTORS[0]
    segment = state.segment
    if segment != ALL and ("actor" in dimensions or catalogue.segments[segment].actor != actor):
        notices.append(Notice("segment", segment, ALL, kind="not_applicable"))
        segment = ALL
    territory = state.territory
    if territory != FRANCE and territory not in catalogue.regions:
        notices.append(Notice("territory", territory, FRANCE, kind="not_applicable"))
        territory = FRANCE
    fragility = None
    if per_fragility and "fragility" not in dimensions:
        fragility = state.fragility or next(iter(catalogue.fragilities))
    return (
        TableChoice(rows, cols, actor, segment, territory, fragility, state.group),
        notices,
    )


def next_state(before: AppState, chosen: dict[str, object]) -> dict[str, object]:
    """The query of the table after a choice in the page's controls, kept coherent.

    A row dimension chosen as the columns' swaps them (and the reverse); another actor resets
    the segment; another indicator starts from its own default table; "all" groups is none.
    """
    after = {**before.model_dump(), **{k: v for k, v in chosen.items() if v is not None}}
    if after["rows"] == after["cols"]:
        if chosen.get("rows") != before.rows:
            after["cols"] = before.rows
        else:
            after["rows"] = before.cols
    if after["actor"] != before.actor:
        after["segment"] = ALL
    if after["indicator"] != before.indicator:
        after.update(rows=None, cols=None, fragility=None)
    if after.get("group") == ALL_GROUPS:
        after["group"] = None
    return {name: value for name, value in after.items() if value is not None}


def _dimension(asked: str | None, default: str) -> str:
    if asked is None:
        return default
    return "fragility" if asked == GROUP else asked


def members(context: DataContext, state: AppState, choice: TableChoice, dimension: str):
    """The rows or columns of ``dimension``, in the catalogue's order."""
    catalogue, lang = context.catalogue, state.lang
    if dimension == "actor":
        return tuple(Member(a, catalogue.actors[a].label(lang)) for a in SURVEYED_ACTORS)
    if dimension == "territory":
        regions = (Member(code, r.name) for code, r in catalogue.regions.items())
        return (Member(FRANCE, "France"), *regions)
    if dimension == "fragility":
        return tuple(
            Member(f.id, f.label(lang), f.group)
            for f in catalogue.fragilities.values()
            if choice.group in (None, f.group)
        )
    actors = SURVEYED_ACTORS if "actor" in (choice.rows, choice.cols) else (choice.actor,)
    segments = [ALL, *(s for a in actors for s in _segments(context, state, a))]
    return tuple(Member(s, catalogue.segments[s].label(lang)) for s in segments)


def _segments(context: DataContext, state: AppState, actor: str) -> list[str]:
    """The actor's segments the dataset can have: every one in published figures, those a
    microdata column holds otherwise."""
    catalogue = context.catalogue
    if context.dataset(state.dataset).kind == "published":
        return [s.id for s in catalogue.segments.values() if s.actor == actor]
    return [s.id for s in actor_segments(catalogue, actor)]


def cross_table(context: DataContext, state: AppState) -> tuple[CrossTable, list[Notice]]:
    """The table of ``state`` (rows, cols, filters) and the notices of what was replaced."""
    choice, notices = table_choice(context, state)
    table = context.memo(_cross_table, CACHED_TABLES)(context, _table_state(state), choice)
    return table, notices


def _table_state(state: AppState) -> AppState:
    """What the numbers depend on: the state without its layout fields (cache key)."""
    return AppState(
        dataset=state.dataset,
        study=state.study,
        indicator=state.indicator,
        lang=state.lang,
    )


def _cross_table(context: DataContext, state: AppState, choice: TableChoice) -> CrossTable:
    rows = members(context, state, choice, choice.rows)
    cols = members(context, state, choice, choice.cols)
    position = {code: at for at, code in enumerate([*context.catalogue.regions, FRANCE])}
    views: dict[View, Columns] = {}
    records = []
    for row in rows:
        for col in cols:
            cell = _coordinates(choice, {choice.rows: row.id, choice.cols: col.id})
            view = (cell["actor"], cell["segment"], cell["fragility"])
            if not _applies(context, cell["actor"], cell["segment"]):
                records.append({"row": row.id, "col": col.id, **cell, **NOT_APPLICABLE_CELL})
                continue
            if view not in views:
                views[view] = _view_columns(context, state, view)
            at = position[cell["territory"]]
            found = {name: views[view][name][at] for name in (*CELL_FIELDS, "significant")}
            records.append({"row": row.id, "col": col.id, **cell, **found})
    cells = pd.DataFrame.from_records(records)
    significant, marks, test = column_tests(context, state, choice, rows, cols, cells, views)
    cells["significant"] = significant
    cells["mark"] = marks
    return CrossTable(choice, rows, cols, cells[list(CELL_COLUMNS)], test)


def _coordinates(choice: TableChoice, chosen: dict[str, str]) -> dict[str, str | None]:
    return {
        "actor": chosen.get("actor", choice.actor),
        "segment": chosen.get("segment", choice.segment),
        "territory": chosen.get("territory", choice.territory),
        "fragility": chosen.get("fragility", choice.fragility),
    }


def _applies(context: DataContext, actor: str, segment: str) -> bool:
    return segment == ALL or context.catalogue.segments[segment].actor == actor


def _view_columns(context: DataContext, state: AppState, view: View) -> Columns:
    actor, segment, fragility = view
    return view_columns(
        context,
        state.model_copy(update={"actor": actor, "segment": segment, "fragility": fragility}),
    )


NOT_APPLICABLE_CELL = {
    **dict.fromkeys(("value", "ci_low", "ci_high", "n", "n_eff"), np.nan),
    "status": NOT_APPLICABLE,
    "significant": None,
    "source": "",
    "study": None,
    "note": "",
    "confidence": "",
}


def column_tests(
    context: DataContext,
    state: AppState,
    choice: TableChoice,
    rows: tuple[Member, ...],
    cols: tuple[Member, ...],
    cells: pd.DataFrame,
    views: dict[View, Columns],
) -> tuple[list[bool | None], list[str], str]:
    """Each cell's significance against its column's reference, its mark, and the reference.

    See the module's docstring for the test of each kind of column."""
    size = len(cells)
    if context.dataset(state.dataset).kind == "published":  # no interval: nothing to test
        return [None] * size, [""] * size, NOT_TESTED
    if choice.cols == "territory":  # the data layer's test against the rest of France
        flags = [None if f is None or pd.isna(f) else bool(f) for f in cells["significant"]]
        france = _france_values(cells, views)
        return flags, _marks(flags, cells["value"], france), AGAINST_FRANCE
    if choice.cols == "actor":
        flags, reference = _against_first(cells, len(rows), len(cols))
        return flags, _marks(flags, cells["value"], reference), AGAINST_FIRST
    if choice.cols == "segment" and context.dataset(state.dataset).prepared is not None:
        flags, reference = _against_rest(context, state, cells, len(rows), len(cols))
        return flags, _marks(flags, cells["value"], reference), AGAINST_REST
    return [None] * size, [""] * size, NOT_TESTED


def _france_values(cells: pd.DataFrame, views: dict[View, Columns]) -> np.ndarray:
    keys = zip(cells["actor"], cells["segment"], cells["fragility"], strict=True)
    return np.array([views[key]["value"][-1] if key in views else np.nan for key in keys])


def _against_first(cells: pd.DataFrame, n_rows: int, n_cols: int):
    """Every column against the row's first column; Holm across the row."""
    first = cells.iloc[np.repeat(np.arange(n_rows) * n_cols, n_cols)].reset_index(drop=True)
    p = difference_p_values(cells.reset_index(drop=True), first).reshape(n_rows, n_cols)
    p[:, 0] = np.nan
    return _holm_by_row(p), first["value"].to_numpy(dtype=float)


def _against_rest(
    context: DataContext, state: AppState, cells: pd.DataFrame, n_rows: int, n_cols: int
):
    """Each segment against the rest of its actor (microdata); Holm across the row."""
    dataset: Dataset = context.dataset(state.dataset)
    cells_base = dataset.regional_cells
    bases = (
        {}
        if cells_base is None
        else {
            "min_base": cells_base.min_base,
            "caution_base": cells_base.caution_base,
        }
    )
    rests: dict[View, pd.DataFrame] = {}
    p = np.full(len(cells), np.nan)
    reference = np.full(len(cells), np.nan)
    for at, cell in enumerate(cells.itertuples(index=False)):
        if cell.segment == ALL or cell.status == NOT_APPLICABLE:
            continue
        view = (cell.actor, cell.segment, cell.fragility)
        if view not in rests:
            rests[view] = segment_against_rest(
                dataset.prepared,
                context.catalogue,
                actor=cell.actor,
                segment=cell.segment,
                indicator=state.indicator,
                fragility=cell.fragility,
                **bases,
            ).set_index("territory_code")
        rest = rests[view].loc[cell.territory]
        p[at], reference[at] = rest["p_value"], rest["value"]
    return _holm_by_row(p.reshape(n_rows, n_cols)), reference


def _holm_by_row(p: np.ndarray) -> list[bool | None]:
    return [flag for row in p for flag in holm_significant(row)]


def _marks(flags: list[bool | None], values: pd.Series, reference: np.ndarray) -> list[str]:
    marks = []
    for flag, value, other in zip(flags, values.to_numpy(dtype=float), reference, strict=True):
        if flag is not True or np.isnan(value) or np.isnan(other):
            marks.append("")
        else:
            marks.append(ABOVE_MARK if value > other else BELOW_MARK)
    return marks
