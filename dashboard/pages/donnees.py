"""Données & méthodologie: the table behind the current view, its studies, question and rules,
licences and release. Everything said here comes from :mod:`dashboard.views.donnees` (the table)
and :mod:`dashboard.views.donnees_sources` (the rest)."""

from __future__ import annotations

import dash
from dash import html

from dashboard.components.chart_export import chart_downloads
from dashboard.components.coverage import coverage_overview
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.components.values_table import (
    NAME_COLUMN,
    WRAPPED,
    data_grid,
    number_column,
    text_column,
)
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import AppState, state_query
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.i18n import labelled, t
from dashboard.views.carte_national import NATIONAL_CHART, national_view, view_refusal
from dashboard.views.donnees import ViewTable, view_table
from dashboard.views.donnees_sources import (
    Credit,
    StudyRow,
    credits,
    question_lines,
    release_lines,
    rules,
    study_rows,
)
from dashboard.views.sharing import csv_filename, export_url

dash.register_page(__name__, path="/donnees", title=page_title("nav_data"), name="Données")

PATH = "/donnees"
TEXT_FIELDS = ("status_label", "significance", "joint", "source", "study")
TEXT_HEADERS = ("status", "significance_col", "joint_col", "source", "study_col")
TEXT_WIDTHS = (2, 2, 2, 4, 2)  # flex shares: the source credit is the longest text


def layout(**query: object) -> html.Main:
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    lang = state.lang
    table = view_table(context, state)
    body = [
        html.H1(t("nav_data", lang)),
        html.P(t("data_intro", lang), className="lead"),
        html.P(html.A(t("back_to_map", lang), id="back-to-map", href="/" + state_query(state))),
        _view_section(context, table, state),
        _section("known", t("known_title", lang), coverage_overview(context, state)),
        _section(
            "france-page",
            t("france_page_title", lang),
            [
                html.P(t("france_page_about", lang)),
                html.A(
                    t("france_page_open", lang),
                    href="/region/FR" + state_query(state),
                    id="france-page-link",
                ),
            ],
        ),
        _studies_section(study_rows(context, state), lang),
        _section(
            "question", t("question_title", lang), _paragraphs(question_lines(context, state))
        ),
        _rules_section(context, state),
        _credits_section(credits(context, state), lang),
        _section("release", t("release_title", lang), _paragraphs(release_lines(context, state))),
    ]
    return page_shell(
        PATH,
        state,
        problems,
        body,
        simulated=table.simulated,
        release=table.release_id,
        title=t("app_title", lang) + " – " + t("nav_data", lang),
    )


def _section(section_id: str, title: str, content: list) -> html.Section:
    heading = f"{section_id}-title"
    return html.Section(
        [html.H2(title, id=heading), *content],
        id=section_id,
        className="data-section mt-4",
        **{"aria-labelledby": heading},
    )


def _paragraphs(lines: tuple[str, ...]) -> list:
    return [html.P(line) for line in lines]


def _view_section(context: DataContext, table: ViewTable, state: AppState) -> html.Section:
    lang = state.lang
    columns = [
        text_column("name", t("territory_col", lang)) | NAME_COLUMN,
        number_column("value", t("value", lang), "value_label") | {"minWidth": 100},
        text_column("interval", t("interval_col", lang)) | {"minWidth": 130},
        number_column("n", t("n_col", lang), "n_label") | {"minWidth": 90},
        number_column("n_eff", t("n_eff_col", lang), "n_eff_label") | {"minWidth": 120},
        *(
            text_column(field, t(header, lang)) | WRAPPED | {"flex": width}
            for field, header, width in zip(TEXT_FIELDS, TEXT_HEADERS, TEXT_WIDTHS, strict=True)
        ),
    ]
    grid = data_grid(
        "data-table",
        list(table.regions),
        columns,
        class_name="data-table",
        grid_options={
            "pinnedBottomRowData": [table.france],  # France stays last whatever the sorting
            "suppressColumnVirtualisation": True,  # every column in the page, for readers
        },
        lang=lang,
    )
    return _section(
        "view",
        t("view_table_title", lang),
        [
            html.P(table.caption, id="view-caption", className="caption"),
            grid,
            html.P(labelled("base", lang) + table.base),
            *(html.P(source, className="source") for source in table.sources),
            html.P(table.release),
            _downloads(context, state),
            html.P(t("csv_note", lang), className="form-text"),
        ],
    )


def _downloads(context: DataContext, state: AppState) -> html.P:
    """The view's CSV links; a view with a national figure only offers its national chart's
    files, a view with no value none (the sentence says where to look)."""
    lang = state.lang
    refusal = view_refusal(context, state)
    if refusal is not None:
        if national_view(context, state) is not None:
            return chart_downloads(NATIONAL_CHART, state)
        return html.P(refusal, id="download-none")
    return html.P(
        [
            html.A(
                t("download_csv", lang),
                id="download-csv",
                href=export_url("csv", state, flavour="fr"),
                download=csv_filename(state, "fr"),
            ),
            " · ",
            html.A(
                t("download_csv_standard", lang),
                id="download-csv-standard",
                href=export_url("csv", state, flavour="standard"),
                download=csv_filename(state, "standard"),
            ),
        ]
    )


def _table(table_id: str, header: list[str], rows: list[list]) -> html.Table:
    return html.Table(
        [
            html.Thead(html.Tr([html.Th(cell, scope="col") for cell in header])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        id=table_id,
        className="table table-sm",
    )


def _studies_section(studies: tuple[StudyRow, ...], lang: str) -> html.Section:
    keys = ("study_col", "population_col", "fieldwork_col", "sample_col", "institute_col")
    header = [t(key, lang) for key in (*keys, "method_col", "in_view_col")]
    rows = [
        [
            row.study,
            row.population,
            row.fieldwork,
            row.sample_size,
            row.institute,
            row.method,
            t("yes", lang) if row.in_view else "",
        ]
        for row in studies
    ]
    return _section("studies", t("studies_title", lang), [_table("studies-table", header, rows)])


def _rules_section(context: DataContext, state: AppState) -> html.Section:
    items = [html.Li([html.Strong(rule.title), " — ", rule.text]) for rule in rules(context, state)]
    return _section("rules", t("rules_title", state.lang), [html.Ul(items, id="rules-list")])


def _credits_section(items: tuple[Credit, ...], lang: str) -> html.Section:
    header = [t(key, lang) for key in ("what_col", "attribution_col", "licence_col")]
    rows = [
        [
            item.what,
            html.A(item.attribution, href=item.url) if item.url else item.attribution,
            item.licence,
        ]
        for item in items
    ]
    return _section("licences", t("licences_title", lang), [_table("credits-table", header, rows)])
