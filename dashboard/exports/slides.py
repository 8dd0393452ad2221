"""PNG and SVG of the current map view, drawn on the server: ``GET /export/view.png?<state>``
and ``GET /export/view.svg?<state>`` (``width`` and ``height`` in pixels, default 1920 × 1080).

The map is the Carte's view (:func:`dashboard.views.carte.map_view`) drawn as a vector Plotly
``geo`` map at every level, communes included (the page draws communes on a MapLibre tile map,
which has no vector export), laid out as a slide by :mod:`dashboard.figures.presentation` and
rendered by kaleido in Debian's Chromium (:mod:`dashboard.exports.renderer`). kaleido's page
cannot fetch the app's relative ``/geo/…`` URLs, so the geometry is inlined: each level's
cached GeoJSON is read once per process (a few of them kept, keyed by their SHA-256), and each
trace carries only the features it draws, so the file is sent once per image. Hover texts are
dropped: an image has no hover.

A view without any regional value answers 404 with a sentence instead of a grey map
(:func:`dashboard.exports.csv.no_map_response`). A bad state parameter falls back to its
default, as on every page; a bad or out-of-range
``width`` or ``height`` too, and the response says so in ``X-Phare-Notice`` (ASCII).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from functools import lru_cache

import plotly.graph_objects as go
from flask import Blueprint, Response, request

from dashboard.components.carte_map import (
    legend_items,
    legend_title,
    outline_options,
    view_range,
)
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice, parse_state, state_query, territory_level
from dashboard.exports.cache import CACHE_HEADER, cache_key, cached_bytes
from dashboard.exports.csv import NOTICE_HEADER, no_map_response
from dashboard.exports.renderer import RENDERER, Renderer, RenderOptions, RenderUnavailable
from dashboard.figures.choropleth import LABEL_TRACE
from dashboard.figures.geo_map import build_geo_choropleth
from dashboard.figures.highlight import with_highlight
from dashboard.figures.presentation import DesignSize, SlideTexts, design_size, slide_figure
from dashboard.figures.projection import fill_zoom, outline_points
from dashboard.server.current import export_context
from dashboard.text.i18n import t
from dashboard.views.carte import MapView, map_view
from dashboard.views.carte_communes import commune_scope, without_borders
from dashboard.views.classification import no_value_states
from dashboard.views.donnees_sources import studies_in_view
from dashboard.views.sharing import download_name
from dashboard.views.slide_dates import fieldwork_date

images = Blueprint("images", __name__)

CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
DEFAULT_SIZE = (1920, 1080)
WIDTHS, HEIGHTS = (320, 3840), (240, 2160)
UNAVAILABLE = "l'export d'image n'est pas disponible : {reason}"
REGION_COMMUNE_BORDER_PX = 0.3  # thin: thousands of small communes (France's: none)
CACHED_LEVELS = 4  # parsed GeoJSON: ~90 MB for France's communes, a few MB for the others
NOTICE_VALUE_CHARS = 40
ZOOMED_FEATURES = 500  # regions and departments (with their outline), not communes


@images.get("/export/view.png")
def view_png() -> Response:
    return image_response("png")


@images.get("/export/view.svg")
def view_svg() -> Response:
    return image_response("svg")


def image_response(image_format: str, renderer: Renderer | None = None) -> Response:
    """The image of the request's view as an attachment, or 503 with the reason
    (``renderer``: the process's own by default)."""
    context = export_context(unavailable)
    state, state_notices = parse_state(request.args.to_dict(), context.choices)
    refused = no_map_response(context, state)
    if refused is not None:
        return refused
    (width, height), size_notices = image_size(request.args)
    release = context.dataset(state.dataset).id
    link = request.host_url.rstrip("/") + "/" + state_query(state, release=release)
    key = cache_key(f"view.{image_format}", [release], f"{link}|{width}x{height}")
    try:
        image, hit = cached_bytes(
            key,
            lambda: view_image(
                context, state, image_format, (width, height), link, renderer or RENDERER
            ),
        )
    except RenderUnavailable as problem:
        return unavailable(str(problem))
    headers = {
        "Content-Disposition": f'attachment; filename="{image_filename(state, image_format)}"',
        CACHE_HEADER: "hit" if hit else "miss",
    }
    notices = [*(state_notice(notice) for notice in state_notices), *size_notices]
    if notices:
        headers[NOTICE_HEADER] = "; ".join(notices)
    return Response(image, content_type=CONTENT_TYPES[image_format], headers=headers)


def view_image(
    context: DataContext,
    state: AppState,
    image_format: str,
    size: tuple[int, int],
    link: str,
    renderer: Renderer = RENDERER,
) -> bytes:
    """The slide of ``state``'s map at ``size`` pixels, as PNG or SVG bytes."""
    view = map_view(context, state)
    design = design_size(*size)
    slide = slide_figure(
        map_figure(context, state, view), slide_texts(context, state, view, link), design
    )
    return render_slide(context, slide, design, image_format, renderer)


def render_slide(
    context: DataContext,
    slide: go.Figure,
    design: DesignSize,
    image_format: str,
    renderer: Renderer = RENDERER,
) -> bytes:
    """Render a slide built on :func:`map_figure` (its geometry given by level ids)."""
    figure = for_image(fill_map_area(slide).to_dict(), lambda level: level_features(context, level))
    figure = zoom_to_drawn(figure)
    options = RenderOptions(image_format, design.width, design.height, design.scale)
    return renderer.render(figure, options)


def map_figure(context: DataContext, state: AppState, view: MapView) -> go.Figure:
    """The view's vector map, its traces' ``geojson`` naming a geometry level (see
    :func:`for_image`), with the legend and the selected territory's outline."""
    lang = state.lang
    figure = build_geo_choropleth(
        view.frame,
        view.classification,
        view.geometry_level,
        no_value_states(context, lang),
        legend_items(view, lang),
        legend_title(view, lang),
        lang=lang,
        **outline_options(context, view, lambda level: level),
    )
    if view.level == "commune":  # classes, not values: no labels on thousands of communes
        figure.update_traces(lon=[], lat=[], text=[], selector={"name": LABEL_TRACE})
        border = 0.0 if without_borders(view.geometry_level) else REGION_COMMUNE_BORDER_PX
        figure.update_traces(marker_line_width=border, selector={"type": "choropleth"})
    figure.update_geos(view_range(context, view))
    selected_level, code = territory_level(state.territory)
    return with_highlight(figure, code if selected_level == view.level else None)


def fill_map_area(slide: go.Figure) -> go.Figure:
    """The slide with its map's ranges widened to the shape of the map area, so the map fills
    it: a commune's neighbourhood shows more neighbours instead of white bands.

    Conformal projection, small area: one degree of longitude is ``cos(latitude)`` times as
    long as one of latitude.
    """
    layout, geo = slide.layout, slide.layout.geo
    if geo.lonaxis.range is None or geo.lataxis.range is None:
        return slide
    if len(list(slide.select_geos())) > 1:
        # small multiples: ``update_geos`` would give every panel the whole area's shape (wide
        # and short: each map took a third of its panel); they are fitted by ``fit_panels``
        return slide
    margin = layout.margin
    area = (layout.width - margin.l - margin.r) / (layout.height - margin.t - margin.b)
    (west, east), (south, north) = geo.lonaxis.range, geo.lataxis.range
    squeeze = math.cos(math.radians((south + north) / 2))
    wide, high = (east - west) * squeeze, north - south
    if wide < area * high:
        half = area * high / squeeze / 2
        lon = (west + east) / 2
        west, east = lon - half, lon + half
    else:
        half = wide / area / 2
        lat = (south + north) / 2
        south, north = lat - half, lat + half
    return go.Figure(slide).update_geos(lonaxis_range=[west, east], lataxis_range=[south, north])


def zoom_to_drawn(figure: dict) -> dict:
    """``figure`` (a dict, geometry inlined) with its one map zoomed so that the drawn outlines
    fill the frame (:func:`dashboard.figures.projection.fill_zoom`); regions and departments
    only: a commune map's neighbours already fill its frame, and its vertices are millions.
    Changed in place and returned."""
    geo = figure["layout"].get("geo") or {}
    projection = geo.get("projection") or {}
    lon_range = (geo.get("lonaxis") or {}).get("range")
    lat_range = (geo.get("lataxis") or {}).get("range")
    if lon_range is None or lat_range is None or projection.get("type") != "conic conformal":
        return figure
    features = [
        feature
        for trace in figure["data"]
        if trace.get("type") == "choropleth" and trace.get("geo", "geo") == "geo"
        for feature in trace["geojson"]["features"]
    ]
    if not features or len(features) > ZOOMED_FEATURES:
        return figure
    lon, lat = outline_points(features)
    zoom = fill_zoom(lon_range, lat_range, projection["parallels"], lon, lat)
    projection["scale"] = round(zoom, 4)
    geo["projection"] = projection
    return figure


def slide_texts(context: DataContext, state: AppState, view: MapView, link: str) -> SlideTexts:
    """The slide's title, question and footer lines for ``view``."""
    lang = state.lang
    title = view.title
    if view.level == "commune":
        region = commune_scope(context, state.territory).region
        area = t("whole_france", lang) if region is None else context.catalogue.regions[region].name
        title = f"{title} — {t('level_commune', lang)} · {area}"
    return SlideTexts(
        title=title,
        subtitle=t("quoted", lang, text=view.question),
        sources=view.sources,
        base=" · ".join(filter(None, [view.regional, view.base])),
        date=_date(context, state),
        release=view.release,
        attribution=view.attribution,
        link=link,
        simulated=view.simulated,
        lang=lang,
    )


def _date(context: DataContext, state: AppState) -> str:
    """The fieldwork of the studies in view (published), or what the data stand for."""
    used = studies_in_view(context, state)
    studies = [study for study in context.catalogue.studies if study in used]  # catalogue order
    dataset = context.dataset(state.dataset)
    return fieldwork_date(context, dataset, studies, (state.actor,), state.study, state.lang)


def for_image(figure: dict, features_of: Callable[[str], Mapping[str, dict]]) -> dict:
    """``figure`` (a dict) with each area trace's geometry inlined and its hover texts dropped.

    A trace's ``geojson`` names a geometry level; it becomes a FeatureCollection of the
    features of that level the trace draws (``features_of(level)``: features by id), so every
    feature travels once. ``figure`` is changed in place and returned.
    """
    for trace in figure["data"]:
        level = trace.get("geojson")
        if not isinstance(level, str):
            continue
        features = features_of(level)
        drawn = dict.fromkeys(str(code) for code in trace.get("locations") or ())
        trace["geojson"] = {
            "type": "FeatureCollection",
            "features": [features[code] for code in drawn if code in features],
        }
        trace.pop("text", None)
        trace.pop("hovertemplate", None)
        trace["hoverinfo"] = "skip"
    return figure


def level_features(context: DataContext, level: str) -> Mapping[str, dict]:
    """The features of a geometry level by id, read once per process (see :data:`CACHED_LEVELS`)."""
    return _features(str(context.geometry.path_of(level)), context.geometry.levels[level].sha256)


@lru_cache(maxsize=CACHED_LEVELS)
def _features(path: str, sha256: str) -> Mapping[str, dict]:
    """Keyed by the file's SHA-256 too: a rebuilt cache is read again, never served stale."""
    with open(path, encoding="utf-8") as file:
        collection = json.load(file)
    return {str(feature["id"]): feature for feature in collection["features"]}


def image_size(args: Mapping[str, str]) -> tuple[tuple[int, int], list[str]]:
    """(width, height) from the query; each bad or out-of-range value gives its default and
    a notice."""
    notices: list[str] = []
    width = _dimension(args, "width", DEFAULT_SIZE[0], WIDTHS, notices)
    height = _dimension(args, "height", DEFAULT_SIZE[1], HEIGHTS, notices)
    return (width, height), notices


def image_filename(state: AppState, image_format: str) -> str:
    """``phare-<indicator>[-<fragility>]-<actor>[-<segment>][-<level>][-<territory>].<ext>``,
    from catalogue ids and codes only."""
    level = state.level if state.level != "region" else None
    territory = state.territory if state.territory != FRANCE else None
    return download_name(state, image_format, level, territory)


def _dimension(
    args: Mapping[str, str], name: str, default: int, bounds: tuple[int, int], notices: list[str]
) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    text = raw.strip()
    if (
        text.isascii()
        and text.isdecimal()
        and len(text) <= 5
        and bounds[0] <= int(text) <= bounds[1]
    ):
        return int(text)
    notices.append(
        f"{name}={_ascii(raw)} ignored (expected {bounds[0]} to {bounds[1]}): {default} used"
    )
    return default


def state_notice(notice: Notice) -> str:
    return (
        f"{notice.name}={_ascii(notice.value)} ignored: {_ascii(notice.default) or 'default'} used"
    )


def _ascii(value: str) -> str:
    """Printable ASCII only, for a response header."""
    shown = value[:NOTICE_VALUE_CHARS]
    return "".join(c if " " <= c <= "~" else "?" for c in shown)


def unavailable(reason: str) -> Response:
    return Response(
        UNAVAILABLE.format(reason=reason),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
