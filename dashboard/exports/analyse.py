"""Downloads of the Analyse page: ``GET /export/analyse.csv|png|svg?<state>``, the state read
as the page reads it (without an ``indicator``, the page's own default table).

The CSV is the cross-table as one tidy table (one row per cell) that reads back with
``pandas.read_csv`` alone, in the Carte's two flavours (:mod:`dashboard.exports.csv`): each row
carries its row and column, its coordinates (actor, segment, territory, fragility), value and
interval rounded as the table shows them (in full too in the standard flavour), bases and the
base in words, status, the difference marked between columns, the question, the source, its
study's fieldwork date and confidence, the release, whether the data is simulated and the link
to the table. The file is named after what the table holds: its dimensions, indicator and the
filters that are not dimensions (no actor for a table of every actor).

The images are slides (:mod:`dashboard.figures.presentation`) of the table's chart, or, when
one dimension is the territory, of its maps (``part=chart|maps`` chooses), rendered as the
Carte's are (:func:`dashboard.exports.slides.render_slide`).
"""

from __future__ import annotations

import plotly.graph_objects as go
from flask import Blueprint, Response, request

from dashboard.core.context import DataContext
from dashboard.core.state import ANALYSE_PAGE, AppState, page_query, parse_state
from dashboard.core.values import territory_name
from dashboard.exports.cache import CACHE_HEADER, cache_key, cached_bytes
from dashboard.exports.csv import (
    FLAVOURS,
    NOTICE_HEADER,
    UNROUNDED_COLUMNS,
    Column,
    CsvFlavour,
    confidence_text,
    csv_response,
    flavour_of,
    shown_numbers,
    write_csv,
)
from dashboard.exports.renderer import RENDERER, Renderer, RenderUnavailable
from dashboard.exports.slides import (
    CONTENT_TYPES,
    image_size,
    render_slide,
    state_notice,
    unavailable,
)
from dashboard.figures.analyse import chart_figure, maps_figure
from dashboard.figures.presentation import SlideTexts, design_size, slide_figure
from dashboard.figures.small_multiples import fit_panels
from dashboard.figures.watermark import WATERMARK_NAME
from dashboard.server.current import export_context
from dashboard.text.cells import base_text, fieldwork_text, release_text
from dashboard.text.i18n import labelled, t
from dashboard.text.sources import source_lines, source_text
from dashboard.views.analyse import AnalysisView, analysis_chart, analysis_view
from dashboard.views.analyse_maps import analysis_maps, drawn_extent
from dashboard.views.sharing import UNSAFE_IN_NAME, dataset_suffix, flavour_suffix
from dashboard.views.slide_dates import fieldwork_date
from phare.prepared import ALL

analysis_exports = Blueprint("analysis_exports", __name__)

CHART, MAPS = "chart", "maps"
LABEL_CHAR_PX, LABEL_PAD_PX, MAX_LABEL_PX = 7, 16, 560
MARK_TEXT = {"▲": "diff_higher", "▼": "diff_lower"}
# the columns, in order: rounded values, the numbers in full in the standard flavour only
CSV_COLUMNS = (
    Column("row_dimension_col", "row_dimension"),
    Column("row_col", "row_label"),
    Column("column_dimension_col", "col_dimension"),
    Column("column_col", "col_label"),
    Column("actor", "actor_label"),
    Column("segment", "segment_label"),
    Column("code_col", "territory"),
    Column("territory_col", "territory_name"),
    Column("fragility", "fragility_label"),
    Column("indicator", "indicator"),
    Column("value", "value", True),
    Column("unit_col", "unit"),
    Column("ci_low_col", "ci_low", True),
    Column("ci_high_col", "ci_high", True),
    *UNROUNDED_COLUMNS,
    Column("n_col", "n", True),
    Column("n_eff_col", "n_eff", True),
    Column("base", "base"),
    Column("status", "status_label"),
    Column("difference_col", "difference"),
    Column("question", "question"),
    Column("source", "source"),
    Column("study_col", "study"),
    Column("fieldwork_col", "fieldwork"),
    Column("confidence_col", "confidence"),
    Column("release_col", "release"),
    Column("simulated_col", "simulated"),
    Column("link_col", "link"),
)


@analysis_exports.get("/export/analyse.csv")
def analysis_csv() -> Response:
    context = export_context()
    state, _ = parse_state(request.args.to_dict(), context.choices, ANALYSE_PAGE)
    view, _ = analysis_view(context, state)
    if view.no_value:
        return nothing_to_export(view)
    name, notice = flavour_of(request.args.get("flavour"), state.lang)
    flavour = FLAVOURS[name]
    text = csv_text(context, view, _link(context, view.state), flavour)
    filename = _filename(view, "csv", flavour_suffix(view.state, name))
    return csv_response(text, flavour, filename, notice)


def csv_text(context: DataContext, view: AnalysisView, link: str, flavour: CsvFlavour) -> str:
    """The whole file (without its byte-order mark)."""
    return write_csv(CSV_COLUMNS, cell_records(context, view, link), view.state.lang, flavour)


def cell_records(context: DataContext, view: AnalysisView, link: str) -> list[dict]:
    """Every cell with what must travel with its number, in words (labels, not ids)."""
    catalogue, lang = context.catalogue, view.state.lang
    table = view.table
    choice = table.choice
    rows = {member.id: member.label for member in table.rows}
    cols = {member.id: member.label for member in table.cols}
    statuses = view.statuses.ravel()
    dataset = context.dataset(view.state.dataset)
    shared = {
        "row_dimension": t(f"dim_{choice.rows}", lang),
        "col_dimension": t(f"dim_{choice.cols}", lang),
        "indicator": catalogue.indicators[view.state.indicator].label(lang),
        "unit": catalogue.unit_of(view.state.indicator).csv_unit or view.unit,
        "question": view.question,
        "release": dataset.id,
        "simulated": t("yes" if view.simulated else "no", lang),
        "link": link,
    }
    unit = catalogue.indicators[view.state.indicator].unit
    published = dataset.kind == "published"
    records = []
    for at, cell in enumerate(table.cells.to_dict("records")):
        study = catalogue.studies[cell["study"]] if isinstance(cell["study"], str) else None
        records.append(
            {
                **shared,
                **shown_numbers(cell, unit, lang, published=published),
                "row_label": rows[cell["row"]],
                "col_label": cols[cell["col"]],
                "actor_label": catalogue.actors[cell["actor"]].label(lang),
                "segment_label": catalogue.segments[cell["segment"]].label(lang),
                "territory": cell["territory"],
                "territory_name": territory_name(context, cell["territory"]),
                "fragility_label": catalogue.fragilities[cell["fragility"]].label(lang)
                if cell["fragility"]
                else "",
                "status_label": statuses[at],
                "difference": _difference(cell["mark"], cell["significant"], lang),
                "source": source_text(cell["source"], lang)
                if isinstance(cell["source"], str)
                else "",
                "study": study.citation(lang) if study else "",
                "fieldwork": fieldwork_text([cell["study"]], context.catalogue, lang),
                "confidence": confidence_text(cell["confidence"], lang),
            }
        )
    return records


def _difference(mark: str, significant: bool | None, lang: str) -> str:
    if mark:
        return t(MARK_TEXT[mark], lang)
    if significant is False:
        return t("no_difference", lang)
    return t("not_tested", lang)


@analysis_exports.get("/export/analyse.png")
def analysis_png() -> Response:
    return image_response("png")


@analysis_exports.get("/export/analyse.svg")
def analysis_svg() -> Response:
    return image_response("svg")


def image_response(image_format: str, renderer: Renderer | None = None) -> Response:
    """The slide of the request's table as an attachment, or 503 with the reason."""
    context = export_context(unavailable)
    state, state_notices = parse_state(request.args.to_dict(), context.choices, ANALYSE_PAGE)
    (width, height), notices = image_size(request.args)
    view, adjusted = analysis_view(context, state)
    if view.no_value:
        return nothing_to_export(view)
    part = request.args.get("part")
    if part not in (CHART, MAPS) or (part == MAPS and view.territory_axis is None):
        if part is not None:
            notices.append(f"part ignored (expected {CHART} or {MAPS} with territories)")
        part = MAPS if view.territory_axis is not None else CHART
    link = _link(context, view.state)
    design = design_size(width, height)

    def render() -> bytes:
        texts = slide_texts(context, view, part, link)
        slide = slide_figure(slide_content(context, view, part), texts, design)
        return render_slide(context, slide, design, image_format, renderer or RENDERER)

    release = context.dataset(view.state.dataset).id
    key = cache_key(f"analyse.{image_format}", [release], f"{link}|{width}x{height}|{part}")
    try:
        image, hit = cached_bytes(key, render)
    except RenderUnavailable as problem:
        return unavailable(str(problem))
    filename = _filename(view, image_format, part)
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        CACHE_HEADER: "hit" if hit else "miss",
    }
    notices = [*(state_notice(n) for n in (*state_notices, *adjusted)), *notices]
    if notices:
        headers[NOTICE_HEADER] = "; ".join(notices)
    return Response(image, content_type=CONTENT_TYPES[image_format], headers=headers)


def slide_content(context: DataContext, view: AnalysisView, part: str) -> go.Figure:
    """The maps (geometry by level id, inlined when rendered) or the chart, without its own
    caption: the slide's footer says it."""
    if part == MAPS:
        maps = analysis_maps(context, view)
        return fit_panels(maps_figure(maps, "regions"), drawn_extent(context, maps))
    figure = chart_figure(analysis_chart(context, view), caption=False)
    kept = [a for a in figure.layout.annotations if a.name not in ("caption", WATERMARK_NAME)]
    # the slide positions its texts from the figure's left margin: the row labels get an
    # explicit one (an automatic margin would move the plot after the texts were placed); the
    # values are written in the cells, so a heatmap's colour bar is left out; the slide draws
    # the watermark once, over its plot area
    # the room a heatmap keeps under its cells is its caption's (its labels are on top)
    under = 0 if figure.layout.xaxis.side == "top" else figure.layout.margin.b
    return figure.update_layout(
        annotations=kept, margin_l=_label_width(figure), margin_b=under, yaxis_automargin=False
    ).update_traces(showscale=False, selector={"type": "heatmap"})


def _label_width(figure: go.Figure) -> int:
    """Pixels the row labels take: one or two levels of text at about 7 px a character."""
    rows = figure.data[0].y if figure.data else None
    if rows is None or not len(rows):
        return LABEL_PAD_PX
    two_levels = isinstance(rows[0], list | tuple)
    levels = [list(level) for level in rows] if two_levels else [list(rows)]
    chars = sum(max(len(str(label)) for label in level) for level in levels)
    return min(LABEL_CHAR_PX * chars + LABEL_PAD_PX * len(levels), MAX_LABEL_PX)


def slide_texts(context: DataContext, view: AnalysisView, part: str, link: str) -> SlideTexts:
    lang = view.state.lang
    catalogue = context.catalogue
    cells = view.table.cells
    dataset = context.dataset(view.state.dataset)
    valued = cells[cells["value"].notna()]
    date = fieldwork_date(
        context, dataset, valued["study"], valued["actor"], view.state.study, lang
    )
    sources = source_lines(valued["study"], valued["source"], catalogue, dataset, lang)
    return SlideTexts(
        title=view.title,
        subtitle=t("quoted", lang, text=view.question),
        sources=sources,
        base=base_text(valued["n"], lang),
        date=date,
        release=release_text(dataset, lang),
        attribution=context.geometry.attribution if part == MAPS else "",
        link=link,
        simulated=view.simulated,
        lang=lang,
    )


def nothing_to_export(view: AnalysisView) -> Response:
    """404 for a table with no value (the page offers no download of it), saying why and
    where the published figures are."""
    missing = view.no_value
    where = request.host_url.rstrip("/") + missing.href
    text = f"{missing.text} {labelled('no_value_see_france', view.state.lang)}{where}\n"
    return Response(text, status=404, content_type="text/plain; charset=utf-8")


def _link(context: DataContext, state: AppState) -> str:
    release = context.dataset(state.dataset).id
    query = page_query(ANALYSE_PAGE, state, release=release, embed=False)
    return request.host_url.rstrip("/") + ANALYSE_PAGE + query


def _filename(view: AnalysisView, extension: str, *more: str | None) -> str:
    """``phare-analyse-<rows>-<cols>-<indicator>[-<group>][-<fragility>][-<actor>]
    [-<segment>][-<territory>][-<dataset>]….<extension>`` from ids only: what the table holds,
    each filter named only when it is not one of the table's dimensions (a table of every
    actor is not named after one of them)."""
    choice, state = view.table.choice, view.state
    dimensions = (choice.rows, choice.cols)
    fixed = {
        "fragility": choice.fragility,
        "actor": choice.actor,
        "segment": None if choice.segment == ALL else choice.segment,
        "territory": choice.territory,
    }
    parts = [
        "analyse",
        choice.rows,
        choice.cols,
        state.indicator,
        choice.group if "fragility" in dimensions else None,
        *(value for name, value in fixed.items() if name not in dimensions),
        dataset_suffix(state),
        *more,
    ]
    return "phare-" + "-".join(UNSAFE_IN_NAME.sub("_", p) for p in parts if p) + f".{extension}"
