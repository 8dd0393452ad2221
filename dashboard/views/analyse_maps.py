"""The Analyse page's maps: when one dimension of the table is the territory, the other one's
members get a region map each, all on one classification (the state's scheme and number of
classes), with one legend.

Pure data from the data context and the view: the panels' frames, the shared classification
and each panel's class indices, the legend's lines. :func:`dashboard.figures.analyse.maps_figure`
draws them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AUTO_SCHEME, FRANCE
from dashboard.text.i18n import labelled
from dashboard.text.markup import escape
from dashboard.views.analyse import AnalysisView
from dashboard.views.class_spacing import median_half_width
from dashboard.views.classification import (
    PRECISION,
    Classification,
    NoValueState,
    class_labels,
    no_value_states,
)
from dashboard.views.small_multiples import MAX_PANELS, MapPanel, shared_classification
from phare.selection import NOT_COVERED, NOT_PUBLISHED, OK


@dataclass(frozen=True)
class LegendLine:
    """One line of the maps' legend: a swatch colour and its label (class bounds or state)."""

    colour: str
    label: str


@dataclass(frozen=True, eq=False)
class AnalysisMaps:
    panels: tuple[MapPanel, ...]  # one per member, up to MAX_PANELS
    dropped: tuple[str, ...]  # members beyond MAX_PANELS, left out of the maps
    classification: Classification  # over every panel's values at once
    class_indices: tuple[tuple[int, ...], ...]  # per panel, each frame row's class (-1: none)
    states: tuple[NoValueState, ...]  # the states a region may be drawn in without a value
    legend: tuple[LegendLine, ...]  # the classes, then the no-value states the panels have
    legend_title: str
    labels: bool  # the values written on the regions
    simulated: bool
    lang: str


def analysis_maps(context: DataContext, view: AnalysisView) -> AnalysisMaps | None:
    """One region map per member of the dimension that is not the territory, on one
    classification; None when no dimension is the territory."""
    axis = view.territory_axis
    if axis is None:
        return None
    table = view.table
    others = table.cols if axis == "rows" else table.rows
    state = view.state
    lang = state.lang
    features = context.features["region"]
    states = no_value_states(context, lang)
    labels = {no_value.id: no_value.label for no_value in states}
    panels = tuple(
        MapPanel(member.label, _panel_frame(features, _panel_cells(view, axis, at), labels))
        for at, member in enumerate(others[:MAX_PANELS])
    )
    domain = context.catalogue.unit_of(state.indicator).domain
    scheme = AUTO_SCHEME if state.classes == "diverging" else state.classes
    classification, indices = shared_classification(
        panels,
        scheme,
        state.k,
        domain,
        precision=PRECISION.get(view.unit, 1),
        half_width=panels_half_width(view, axis),
    )
    return AnalysisMaps(
        panels=panels,
        dropped=tuple(member.label for member in others[MAX_PANELS:]),
        classification=classification,
        class_indices=indices,
        states=states,
        legend=_legend(classification, states, panels, view.unit, lang),
        legend_title=labelled("legend", lang).rstrip(" :"),
        labels=state.labels or classification.unclassed,
        simulated=view.simulated,
        lang=lang,
    )


def panels_half_width(view: AnalysisView, axis: str) -> float | None:
    """The median 95 % interval half-width of the regional values the panels draw, which keeps
    their class edges apart as on the Carte; None without intervals (published figures)."""
    table = view.table
    territories = table.rows if axis == "rows" else table.cols
    regional = np.array([member.id != FRANCE for member in territories])
    low, high, values = (
        np.asarray(matrix, dtype=float)
        for matrix in (table.matrix("ci_low"), table.matrix("ci_high"), view.values)
    )
    if axis == "cols":  # territories first, then the members that get a panel each
        low, high, values = low.T, high.T, values.T
    drawn = (slice(None), slice(0, MAX_PANELS))
    valued = ~np.isnan(values[drawn]) & regional[:, None]
    return median_half_width(low[drawn][valued], high[drawn][valued])


def _legend(
    classification: Classification,
    states: tuple[NoValueState, ...],
    panels: tuple[MapPanel, ...],
    unit: str,
    lang: str,
) -> tuple[LegendLine, ...]:
    """Each class by its bounds (by its value when unclassed), then the no-value states that
    some panel draws."""
    items = class_labels(classification, unit, lang)
    present = {status for panel in panels for status in panel.frame["status"]}
    return (
        *(LegendLine(c, label) for c, label in zip(classification.colours, items, strict=True)),
        *(LegendLine(s.fill, s.label) for s in states if s.id in present),
    )


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
    """The frame of one panel (:class:`MapPanel`): the mainland regions with their cells."""
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


def drawn_extent(context: DataContext, maps: AnalysisMaps) -> tuple[float, float, float, float]:
    """West, south, east and north of the regions the panels draw (their outlines): each
    small map shows that extent, so it fills its panel (``figures.small_multiples.fit_panels``)."""
    codes = {code for panel in maps.panels for code in panel.frame["code"].astype(str)}
    regions = context.features["region"]
    drawn = regions[regions["code"].isin(codes)]
    return (
        float(drawn["min_lon"].min()),
        float(drawn["min_lat"].min()),
        float(drawn["max_lon"].max()),
        float(drawn["max_lat"].max()),
    )
