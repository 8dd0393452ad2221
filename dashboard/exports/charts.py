"""One export path for every chart: ``GET /export/chart/<chart id>.<png|svg|csv>?<state>``.

A chart is rebuilt from the state alone by the screen that draws it (a
:class:`dashboard.components.chart_export.ChartExport`), each screen registered once in
:data:`PROVIDERS`: the France page's charts, the Carte's national chart (the map's place for
a view with a national figure only), Comparer's charts and the region profiles' charts. The
image is the chart itself, titled, with its caption inside (source, study, fieldwork date,
question, base, release), rendered by the same bounded renderer and response cache as the
slides. The CSV is one tidy row per value drawn, in the Carte's two flavours, each row carrying
its territory, its actor and the population it speaks for, indicator, fragility, value,
interval, base, rank where the chart ranks, the source's confidence, question, source, study,
fieldwork date, source date, release, whether the data is simulated and the link to the page.

An unknown chart answers 404, a chart with no value 404 too, each with a sentence saying why:
no link on the page points at either.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, request

from dashboard.components import carte_national, comparer, france, region_charts
from dashboard.components.chart_export import ChartExport, ChartProvider, titled_figure
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, page_query, parse_state
from dashboard.core.values import territory_name
from dashboard.exports.cache import CACHE_HEADER, cache_key, cached_bytes
from dashboard.exports.csv import (
    FLAVOURS,
    NOTICE_HEADER,
    UNROUNDED_COLUMNS,
    Column,
    confidence_text,
    csv_response,
    flavour_of,
    optional_number,
    shown_numbers,
    write_csv,
)
from dashboard.exports.renderer import RENDERER, RenderOptions, RenderUnavailable
from dashboard.exports.slides import CONTENT_TYPES, state_notice, unavailable
from dashboard.server.current import export_context
from dashboard.text.cells import fieldwork_text
from dashboard.text.i18n import t
from dashboard.views.sharing import UNSAFE_IN_NAME, dataset_suffix, flavour_suffix

chart_exports = Blueprint("chart_exports", __name__)

# every screen with exportable charts: its chart ids and how it rebuilds one from the state
PROVIDERS = (
    ChartProvider(france.chart_ids, france.chart_export),
    ChartProvider(carte_national.chart_ids, carte_national.chart_export),
    ChartProvider(comparer.chart_ids, comparer.chart_export),
    ChartProvider(region_charts.chart_ids, region_charts.chart_export),
)

IMAGE_WIDTH = 1200  # px of the figure's layout; PNG at twice that for print and slides
PNG_SCALE = 2
# the columns, in order: rounded values, the numbers in full in the standard flavour only
CSV_COLUMNS = (
    Column("chart_col", "chart"),
    Column("territory_col", "territory"),
    Column("actor", "actor"),
    Column("population_col", "population"),
    Column("indicator", "indicator"),
    Column("fragility", "fragility"),
    Column("value", "value", True),
    Column("unit_col", "unit"),
    Column("ci_low_col", "ci_low", True),
    Column("ci_high_col", "ci_high", True),
    *UNROUNDED_COLUMNS,
    Column("n_col", "n", True),
    Column("base", "base"),
    Column("rank_in_actor_col", "rank", True),
    Column("ranked_col", "ranked", True),
    Column("confidence_col", "confidence"),
    Column("question", "question"),
    Column("source", "source"),
    Column("study_col", "study"),
    Column("fieldwork_col", "fieldwork"),
    Column("source_date_col", "source_date"),
    Column("release_col", "release"),
    Column("simulated_col", "simulated"),
    Column("link_col", "link"),
)


@chart_exports.get("/export/chart/<chart_id>.<extension>")
def chart_file(chart_id: str, extension: str) -> Response:
    context = export_context(unavailable)
    state, notices = parse_state(request.args.to_dict(), context.choices)
    shown = re.sub(r"[^A-Za-z0-9_-]+", "_", chart_id[:60])
    if extension not in (*CONTENT_TYPES, "csv"):
        return _refused(f"format {UNSAFE_IN_NAME.sub('_', extension[:10])} : png, svg, csv", 404)
    provider = next((p for p in PROVIDERS if chart_id in p.chart_ids(context)), None)
    exported = provider.chart_export(context, state, chart_id) if provider else None
    if exported is None:
        key = "chart_empty" if provider else "chart_not_found"
        return _refused(t(key, state.lang, chart=shown), 404)
    headers = {NOTICE_HEADER: "; ".join(state_notice(n) for n in notices)} if notices else {}
    if extension == "csv":
        return _csv(context, state, exported, headers)
    return _image(context, state, exported, extension, headers)


def _csv(
    context: DataContext, state: AppState, exported: ChartExport, headers: dict[str, str]
) -> Response:
    name, notice = flavour_of(request.args.get("flavour"), state.lang)
    records = chart_records(context, state, exported, _link(context, state, exported))
    text = write_csv(CSV_COLUMNS, records, state.lang, FLAVOURS[name])
    filename = _filename(exported, state, "csv", flavour_suffix(state, name))
    response = csv_response(text, FLAVOURS[name], filename, notice)
    response.headers.update(headers)
    return response


def _image(
    context: DataContext,
    state: AppState,
    exported: ChartExport,
    image_format: str,
    headers: dict[str, str],
) -> Response:
    figure = titled_figure(exported)
    height = int(figure.layout.height or 600)
    options = RenderOptions(
        image_format, IMAGE_WIDTH, height, PNG_SCALE if image_format == "png" else 1
    )
    link = _link(context, state, exported)
    release = context.dataset(state.dataset).id
    key = cache_key(f"chart.{image_format}", [release], f"{exported.chart_id}|{link}")
    try:
        image, hit = cached_bytes(key, lambda: RENDERER.render(figure.to_dict(), options))
    except RenderUnavailable as problem:
        return unavailable(str(problem))
    filename = _filename(exported, state, image_format)
    headers = {
        **headers,
        "Content-Disposition": f'attachment; filename="{filename}"',
        CACHE_HEADER: "hit" if hit else "miss",
    }
    return Response(image, content_type=CONTENT_TYPES[image_format], headers=headers)


def chart_records(
    context: DataContext, state: AppState, exported: ChartExport, link: str
) -> list[dict]:
    """One record per value the chart draws, each carrying its provenance."""
    catalogue, lang = context.catalogue, state.lang
    dataset = context.dataset(state.dataset)
    records = []
    for row in exported.rows.to_dict("records"):
        study = catalogue.studies.get(row["study"]) if isinstance(row["study"], str) else None
        fragility = row["fragility"]
        unit = catalogue.indicators[row["indicator"]].unit
        records.append(
            {
                "chart": exported.title,
                # a chart of territories side by side names each row's; others are France's
                "territory": row.get("territory_name") or territory_name(context, FRANCE),
                "actor": catalogue.actors[row["actor"]].label(lang),
                "population": catalogue.actors[row["actor"]].population(lang),
                "indicator": catalogue.indicators[row["indicator"]].label(lang),
                "fragility": catalogue.fragilities[fragility].label(lang)
                if isinstance(fragility, str)
                else "",
                **shown_numbers(row, unit, lang, published=dataset.kind == "published"),
                "unit": catalogue.unit_of(row["indicator"]).label(lang),
                "rank": optional_number(row.get("rank")),
                "ranked": optional_number(row.get("ranked")),
                "confidence": confidence_text(row["confidence"], lang),
                "question": catalogue.indicators[row["indicator"]].question(lang),
                "source": row["source"],
                "study": study.citation(lang) if study else "",
                "fieldwork": fieldwork_text([row["study"]], context.catalogue, lang),
                "source_date": row["source_date"],
                "release": dataset.id,
                "simulated": t("yes" if dataset.simulated else "no", lang),
                "link": link,
            }
        )
    return records


def _link(context: DataContext, state: AppState, exported: ChartExport) -> str:
    release = context.dataset(state.dataset).id
    query = page_query(exported.page, state, release=release, embed=False)
    return request.host_url.rstrip("/") + exported.page + query


def _filename(exported: ChartExport, state: AppState, extension: str, *more: str | None) -> str:
    """``phare-<chart id>[-<view>][-<programme>][-<sort>][-<dataset>][-<more>].<extension>``:
    ids only; the dataset named unless it is the published figures (``-simule``)."""
    programme = state.study if state.study != "phare" else None
    parts = [exported.chart_id, *exported.name, programme, state.sort, dataset_suffix(state), *more]
    return "phare-" + "-".join(UNSAFE_IN_NAME.sub("_", p) for p in parts if p) + f".{extension}"


def _refused(message: str, status: int) -> Response:
    return Response(message, status=status, content_type="text/plain; charset=utf-8")
