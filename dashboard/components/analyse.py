"""The sections of the Analyse page: the chart, the cross-table with its copy, the top 3 and
the maps, each assembled from the view's data and its figure (ids ``analyse-…``)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.chart_table import GRAPH_CONFIG, data_table, no_value_note
from dashboard.components.values_table import data_grid
from dashboard.core.context import DataContext
from dashboard.figures.analyse import chart_figure, maps_figure
from dashboard.figures.geo_map import TOPOJSON_URL
from dashboard.text.i18n import t
from dashboard.views.analyse import AnalysisView, analysis_chart, shows_top3, top_rows
from dashboard.views.analyse_grid import excel_text, grid_columns, grid_rows
from dashboard.views.analyse_maps import AnalysisMaps, analysis_maps


def sections(context: DataContext, view: AnalysisView) -> list[html.Section]:
    """Chart, table (with its copy button and the note on marks), top 3, maps."""
    parts = [chart_section(context, view), table_section(context, view)]
    if shows_top3(view):
        parts.append(top3_section(view))
    maps = None if view.no_value else analysis_maps(context, view)
    if maps is not None:
        parts.append(maps_section(context, view, maps))
    return parts


def chart_section(context: DataContext, view: AnalysisView) -> html.Section:
    """The dot plot or the heatmap, whichever fits the table (``view.chart``); a table with no
    value says so instead."""
    lang = view.state.lang
    if view.no_value:
        return html.Section(
            [html.H3(t("analyse_chart", lang)), no_value_note("analyse-no-value", view.no_value)],
            className="analyse-section",
        )
    # a heatmap is laid out for a table about 800 px wide: a phone scrolls it sideways (the
    # frame takes the focus, so a keyboard can scroll it too)
    return html.Section(
        [
            html.H3(t("analyse_chart", lang), id="analyse-chart-heading"),
            html.Div(
                dcc.Graph(
                    id="analyse-chart",
                    figure=chart_figure(analysis_chart(context, view)),
                    config={**GRAPH_CONFIG, "locale": lang},
                    className=f"analyse-{view.chart}",
                ),
                className="chart-scroll",
                tabIndex=0,
                role="region",
                **{"aria-labelledby": "analyse-chart-heading"},
            ),
        ],
        className="analyse-section",
    )


def table_section(context: DataContext, view: AnalysisView) -> html.Section:
    """The grid, the note on marks, the sources and the copy for a spreadsheet."""
    lang = view.state.lang
    return html.Section(
        [
            html.H3(t("analyse_table", lang)),
            html.P(
                t("analyse_table_caption", lang, title=view.title),
                id="analyse-table-caption",
                className="visually-hidden",
            ),
            data_grid(
                "analyse-table",
                grid_rows(view),
                grid_columns(context, view),
                class_name="analyse-table",
                grid_options={"domLayout": "autoHeight", "suppressColumnVirtualisation": True},
                lang=lang,
            ),
            html.P(view.test_note, className="analyse-note", id="analyse-test-note"),
            html.P(view.caption, className="analyse-caption", id="analyse-caption"),
            html.Div(
                [
                    dcc.Store(id="analyse-excel", data=excel_text(view)),
                    html.Button(
                        t("copy_excel", lang),
                        id="copy-excel",
                        type="button",
                        className="btn btn-outline-secondary btn-sm copy-button",
                        **{"data-copied": t("copied", lang)},
                    ),
                    html.Span(id="copy-excel-status", className="copy-status", role="status"),
                ],
                className="share-field no-print",
            ),
        ],
        className="analyse-section",
        **{"aria-labelledby": "analyse-table-caption"},
    )


def top3_section(view: AnalysisView) -> html.Section:
    lang = view.state.lang
    header = [t("actor", lang), "1", "2", "3"]
    return html.Section(
        [
            html.H3(t("analyse_top3", lang)),
            data_table(
                "analyse-top3",
                t("analyse_top3_caption", lang),
                header,
                top_rows(view),
                printed=True,
            ),
        ],
        className="analyse-section",
    )


def maps_section(context: DataContext, view: AnalysisView, maps: AnalysisMaps) -> html.Section:
    """One map per member of the other dimension, the members left out said in a notice."""
    lang = view.state.lang
    choice = view.table.choice
    other = choice.cols if choice.rows == "territory" else choice.rows
    dropped = []
    if maps.dropped:
        dropped.append(
            dbc.Alert(
                t(
                    "analyse_maps_dropped",
                    lang,
                    max=len(maps.panels),
                    dropped=", ".join(maps.dropped),
                ),
                color="info",
                id="analyse-maps-dropped",
            )
        )
    figure = maps_figure(maps, context.geometry_url("regions"))
    return html.Section(
        [
            html.H3(t("analyse_maps", lang)),
            html.P(t("analyse_maps_help", lang, dimension=t(f"dim_{other}", lang).lower())),
            *dropped,
            dcc.Graph(
                id="analyse-maps",
                figure=figure,
                config={**GRAPH_CONFIG, "locale": lang, "topojsonURL": TOPOJSON_URL},
                style={"height": f"{figure.layout.height}px"},
            ),
        ],
        className="analyse-section",
    )
