"""Everything the Carte shows for one state: rendered once for the page, then per callback.

A filter change that keeps the same geometry (same level and area) only needs
:func:`map_changes`: the values, hover texts, labels and legend, which the callback sends as a
``dash.Patch``; a change of level or area needs :func:`map_panel`'s full figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.carte_legend import legend
from dashboard.components.carte_sources import source_block
from dashboard.components.values_table import table_rows
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, state_query, territory_level
from dashboard.figures.choropleth import LegendItem, figure_changes
from dashboard.figures.geo_map import build_geo_choropleth
from dashboard.figures.highlight import (
    highlight_values,
    selection_name_annotations,
    with_highlight,
    with_selection_name,
)
from dashboard.figures.tile_map import (
    FIT_PX_KEY,
    MAP_SIZE_PX,
    build_commune_choropleth,
    fitted_px,
    view_for_extent,
)
from dashboard.figures.watermark import watermark_annotations, with_watermark
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.text.summary import legend_summary, map_summary
from dashboard.views.carte import MapView, map_view
from dashboard.views.carte_communes import commune_focus, without_borders
from dashboard.views.classification import no_value_states

OUTLINE_LEVEL = {"departement": "regions"}
# a finer territory chosen on a region or department map: the column of its holder, outlined
HOLDER_COLUMN = {"region": "region", "departement": "department"}
FINER_LEVELS = {"region": ("departement", "commune"), "departement": ("commune",)}
RANGE_PAD = 0.01  # share of the drawn extent left around it
CACHED_PANELS = 64  # regions, departments, one region's communes (up to ~1 MB each)
CACHED_FRANCE_PANELS = 4  # whole-France commune panels hold ~6 MB each: only the last few


@dataclass(frozen=True)
class MapPanel:
    view: MapView
    figure: go.Figure | None  # None when only the changes were asked for
    changes: dict
    title: str
    summary: str  # the view in one sentence (dashboard.text.summary)
    coverage: str
    france: str
    legend: list
    sources: list
    rows: list[dict]
    permalink: str
    release: str  # id of the data release drawn, pinned in the permalink
    geometry_key: str  # the figure must be rebuilt when this changes


def map_panel(
    context: DataContext,
    state: AppState,
    upload: pd.DataFrame | None = None,
    *,
    drawn_geometry: str | None = None,
    recentre: bool = False,
) -> MapPanel:
    """The panel for ``state``; the full figure only when the browser's map does not already
    draw this geometry (``drawn_geometry``: the geometry URL of the figure on the page).
    ``recentre``: the selected territory changed, so a commune map moves to it (a commune:
    among its neighbours; a commune map opened afresh shows its whole region).

    Without a visitor's file the panel is a pure function of the process's read-only data and
    of the state, so the last ones are kept (:data:`CACHED_PANELS`, and fewer of the large
    whole-France commune panels): a view asked for again (a permalink shared in a newsroom, a
    filter switched back) is answered without recomputing. Uploads are never kept.
    """
    if upload is not None:
        return _panel(context, state, upload, drawn_geometry, recentre)
    if state.level == "commune" and state.territory == FRANCE:
        cached = context.memo(_france_panel, CACHED_FRANCE_PANELS)
    else:
        cached = context.memo(_kept_panel, CACHED_PANELS)
    return cached(context, state, drawn_geometry, recentre)


def _kept_panel(
    context: DataContext, state: AppState, drawn_geometry: str | None, recentre: bool
) -> MapPanel:
    return _panel(context, state, None, drawn_geometry, recentre)


def _france_panel(
    context: DataContext, state: AppState, drawn_geometry: str | None, recentre: bool
) -> MapPanel:
    """The same as :func:`_kept_panel`, in a cache of its own (fewer, larger panels)."""
    return _panel(context, state, None, drawn_geometry, recentre)


def _panel(
    context: DataContext,
    state: AppState,
    upload: pd.DataFrame | None,
    drawn_geometry: str | None,
    recentre: bool,
) -> MapPanel:
    lang = state.lang
    view = map_view(context, state, upload)
    states = no_value_states(context, lang)
    items, title = legend_items(view, lang), legend_title(view, lang)
    geometry_url = context.geometry_url(view.geometry_level)
    release = context.dataset(state.dataset).id
    selected = _selected_code(context, state, view.level)
    changes = figure_changes(
        view.frame,
        view.classification,
        states,
        items,
        title,
        outline=view.level in OUTLINE_LEVEL,
        labels=view.level != "commune",
        names_from_geometry=view.level == "commune",
    )
    name = _commune_name(context, view, selected)
    figure = None
    if geometry_url != drawn_geometry:
        figure = _figure(context, view, states, items, title, geometry_url, lang)
        figure = with_watermark(with_highlight(figure, selected), view.simulated, lang)
        figure = with_selection_name(figure, name, lang)
    changes = _extra_changes(changes, view, selected, name, lang)
    if recentre and view.extent is not None:
        width = MAP_SIZE_PX[0] - changes["layout"]["margin"]["l"]
        focus = commune_focus(context, state.territory) if view.level == "commune" else None
        shown = focus or view.extent
        center, zoom = view_for_extent(shown, (width, MAP_SIZE_PX[1]))
        changes["layout"]["map"] = {"center": center, "zoom": zoom}
        changes["layout"]["meta"] = {FIT_PX_KEY: fitted_px(shown, zoom)}
    return MapPanel(
        view=view,
        figure=figure,
        changes=changes,
        title=view.title,
        summary=_summary(context, state, view),
        coverage=view.coverage,
        france=" · ".join(filter(None, [view.regional, view.france])),
        legend=legend(view.legend, view.count_word, lang, view.legend_notes),
        sources=source_block(view, lang),
        rows=table_rows(view),
        permalink="/" + state_query(state, release=release),
        release=release,
        geometry_key=geometry_url,
    )


def _figure(context, view, states, items, title, geometry_url, lang) -> go.Figure:
    if view.level == "commune":
        return build_commune_choropleth(
            view.frame,
            view.classification,
            geometry_url,
            states,
            items,
            title,
            view.extent,
            lang=lang,
            border_px=0 if without_borders(view.geometry_level) else 1,
        )
    options = outline_options(context, view, context.geometry_url)
    figure = build_geo_choropleth(
        view.frame, view.classification, geometry_url, states, items, title, lang=lang, **options
    )
    return figure.update_geos(view_range(context, view))


def view_range(context: DataContext, view: MapView) -> dict:
    """Explicit longitude and latitude ranges around what is drawn (a commune map: its
    extent), for a ``geo`` subplot: the map fills its area (``fitbounds`` leaves wide margins)
    and is not fitted again from every vertex on each redraw (about 70 ms of a region map's
    redraw in Chromium, 100 ms of a department map's)."""
    if view.extent is not None:
        west, south, east, north = view.extent
    else:
        drawn = context.features[view.level]
        drawn = drawn[drawn["code"].isin(view.frame["code"])]
        west, south = float(drawn["min_lon"].min()), float(drawn["min_lat"].min())
        east, north = float(drawn["max_lon"].max()), float(drawn["max_lat"].max())
    pad_lon, pad_lat = (east - west) * RANGE_PAD, (north - south) * RANGE_PAD
    return {
        "fitbounds": False,
        "lonaxis": {"range": [west - pad_lon, east + pad_lon]},
        "lataxis": {"range": [south - pad_lat, north + pad_lat]},
        "center": {"lon": (west + east) / 2, "lat": (south + north) / 2},
    }


def legend_items(view: MapView, lang: str) -> tuple[LegendItem, ...]:
    """The legend drawn in the figure: each entry with its count ("3 rég."), then its notes
    (the scale shown, the regions against France) without swatch."""
    entries = tuple(
        LegendItem(
            entry.colour, entry.label, f"{format_count(entry.count, lang)} {view.count_word}"
        )
        for entry in view.legend
    )
    return entries + tuple(LegendItem("", note, "") for note in view.legend_notes)


def legend_title(view: MapView, lang: str) -> str:
    return f"{t('simulated', lang)} · {t('legend', lang)}" if view.simulated else t("legend", lang)


def outline_options(
    context: DataContext, view: MapView, geometry: Callable[[str], str]
) -> dict[str, object]:
    """``build_geo_choropleth``'s outline arguments: the regions' borders over departments
    (``geometry``: how a level's geometry is named, a URL on the page, a level id in exports)."""
    outline = OUTLINE_LEVEL.get(view.level)
    if outline is None:
        return {}
    return {
        "outline_url": geometry(outline),
        "outline_codes": tuple(context.features["region"]["code"]),
    }


def _summary(context: DataContext, state: AppState, view: MapView) -> str:
    """Regions and departments show regional values; a commune map, what its legend counts."""
    if view.level == "commune":
        return legend_summary(view.title, ((e.label, e.count) for e in view.legend), state.lang)
    unit = context.catalogue.indicators[state.indicator].unit
    return map_summary(view.title, view.values, context.catalogue, unit, state.lang)


def _selected_code(context: DataContext, state: AppState, level: str) -> str | None:
    """The code to outline on this level's map: the selected territory when it is drawn on it,
    else the region or department that holds it (a commune chosen on the region map)."""
    selected_level, code = territory_level(state.territory)
    if selected_level == level:
        return code
    column = HOLDER_COLUMN.get(level)
    if column is None or selected_level not in FINER_LEVELS[level]:
        return None
    row = context.territory(selected_level, code)
    return None if row is None else str(row[column])


def _commune_name(context: DataContext, view: MapView, selected: str | None) -> str | None:
    """The outlined commune's name, written on a commune map (where it is hard to find)."""
    if view.level != "commune" or selected is None:
        return None
    row = context.territory("commune", selected)
    return None if row is None else str(row["name"])


def _extra_changes(
    changes: dict, view: MapView, selected: str | None, name: str | None, lang: str
) -> dict:
    """The highlight (last trace), the watermark and the outlined commune's name, which the
    figure builders do not know."""
    layout = dict(changes["layout"])
    layout["annotations"] = [
        *layout.get("annotations", []),
        *watermark_annotations(view.simulated, lang),
        *selection_name_annotations(name, lang),
    ]
    # the highlight is the last trace, right after the last one the changes address
    last = max(changes["data"]) + 1
    return {"data": {**changes["data"], last: highlight_values(selected)}, "layout": layout}
