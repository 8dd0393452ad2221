"""What is known, at a glance: the coverage table of the published figures, and the sentence
that says what a region has (view model: :mod:`dashboard.views.coverage`).

A plain HTML table (row and column headers, a caption), scrolling sideways inside its own box
on a narrow screen; every non-empty cell is a link to a view that shows one of its figures,
every territory a link to its page.
"""

from __future__ import annotations

from dash import html

from dashboard.core.context import PUBLISHED_DATASET, DataContext
from dashboard.core.state import AppState, state_query
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.views.coverage import (
    Coverage,
    CoverageCell,
    CoverageRow,
    coverage_sentence_text,
    published_coverage,
)
from phare.catalogue import IndicatorFamily

CARTE_PAGE = "/"
DATA_PAGE = "/donnees"


def coverage_details(context: DataContext, state: AppState) -> list:
    """The Carte's block: one line saying what is published, the table behind it, folded
    (the map stays on the first screen); nothing for microdata or in an embed."""
    coverage = published_coverage(context, state)
    if coverage is None or state.embed:
        return []
    return [
        html.Details(
            [
                html.Summary(
                    [html.Strong(t("known_title", state.lang)), " — ", summary(context, coverage)]
                ),
                *coverage_block(context, coverage, CARTE_PAGE),
            ],
            id="published-coverage",
            className="published-coverage",
        )
    ]


def coverage_overview(context: DataContext, state: AppState) -> list:
    """Données' section: what the table is, the table open; for microdata, a line saying
    that it covers the published figures only, with a link to them."""
    lang = state.lang
    coverage = published_coverage(context, state)
    if coverage is None:
        published = state_query(state, dataset=PUBLISHED_DATASET, release=None)
        return [
            html.P(
                [
                    t("known_published_only", lang),
                    html.A(t("known_see_published", lang), href=DATA_PAGE + published),
                ],
                id="coverage-published-only",
            )
        ]
    return [
        html.P(t("known_data_intro", lang)),
        html.P(summary(context, coverage), className="coverage-summary"),
        *coverage_block(context, coverage, DATA_PAGE),
    ]


def summary(context: DataContext, coverage: Coverage) -> str:
    """« Programme PHARE (2015-2016) : 111 chiffres nationaux ; 18 chiffres régionaux, pour 7
    régions sur 13 »."""
    lang = coverage.lang
    national = t(
        _plural("known_national", coverage.national), lang, n=_count(coverage.national, lang)
    )
    regional = t("known_no_regional", lang)
    if coverage.regional:
        key = _plural("known_regional", coverage.regional)
        if coverage.regional > 1 and coverage.regions_with_figures == 1:
            key = "known_regional_many_one_region"
        regional = t(
            key,
            lang,
            n=_count(coverage.regional, lang),
            regions=coverage.regions_with_figures,
            total=coverage.surveyed,
        )
    programme = context.catalogue.programmes[coverage.programme].label(lang)
    return t("known_summary", lang, programme=programme, national=national, regional=regional)


def coverage_block(context: DataContext, coverage: Coverage, path: str) -> list:
    """The table in its scrolling box, the families' legend and the notes under it; ``path``:
    the page that shows another programme's table (the Carte, Données)."""
    lang = coverage.lang
    notes = [_legend(context, lang)]
    if any(cell.shared for row in coverage.rows for cell in row.cells):
        notes.append(html.P(t("known_shared_note", lang), className="coverage-note"))
    if coverage.elsewhere:
        notes.append(_elsewhere(context, coverage, path))
    return [
        html.P(t("known_how_to_read", lang), className="coverage-note"),
        html.Div(
            coverage_table(context, coverage),
            className="coverage-scroll",
            role="region",
            tabIndex=0,  # a box that scrolls is reached and scrolled with the keyboard
            **{"aria-labelledby": "coverage-table-caption"},
        ),
        *notes,
    ]


def coverage_table(context: DataContext, coverage: Coverage) -> html.Table:
    """The table: a row per territory, a column per actor; the caption stays short, since it
    scrolls with the table on a phone (how to read it is said above the table)."""
    lang = coverage.lang
    actors = [context.catalogue.actors[actor].label(lang) for actor in coverage.actors]
    return html.Table(
        [
            html.Caption(t("known_caption", lang), id="coverage-table-caption"),
            html.Thead(
                html.Tr(
                    [html.Th(name, scope="col") for name in [t("known_territory", lang), *actors]]
                )
            ),
            html.Tbody(
                [_row(row, actors, context.catalogue.families, lang) for row in coverage.rows]
            ),
        ],
        id="coverage-table",
        className="table table-sm coverage-table",
    )


def _row(
    row: CoverageRow, actors: list[str], families: dict[str, IndicatorFamily], lang: str
) -> html.Tr:
    return html.Tr(
        [
            html.Th(html.A(row.name, href=row.page), scope="row"),
            *(
                _cell(row, cell, actor, families, lang)
                for cell, actor in zip(row.cells, actors, strict=True)
            ),
        ],
        className="coverage-france" if row.code == "FR" else None,
    )


def _cell(
    row: CoverageRow,
    cell: CoverageCell,
    actor: str,
    families: dict[str, IndicatorFamily],
    lang: str,
) -> html.Td:
    if cell.target is None:
        return html.Td(t("not_published", lang), className="coverage-empty")
    figures = t(_plural("known_figures", cell.count), lang, n=_count(cell.count, lang))
    label = t("known_cell_label", lang, territory=row.name, actor=actor, figures=figures)
    return html.Td(
        [
            html.A(
                _count(cell.count, lang) + ("*" if cell.shared else ""),
                href=cell.target.href,
                title=label,
                className="coverage-count",
                **{"aria-label": label},
            ),
            " ",
            html.Span(
                [_family(families[family], lang) for family in cell.families],
                className="coverage-families",
            ),
            html.Span(cell.latest_label, className="coverage-date", title=t("known_latest", lang)),
        ]
    )


def _family(family: IndicatorFamily, lang: str) -> html.Abbr:
    return html.Abbr(family.abbr(lang), title=family.label(lang))


def _legend(context: DataContext, lang: str) -> html.P:
    items: list = [html.Span(t("known_families", lang) + (" : " if lang == "fr" else ": "))]
    for index, family in enumerate(context.catalogue.families.values()):
        if index:
            items.append(" · ")
        items += [html.Strong(family.abbr(lang)), " ", family.label(lang)]
    return html.P(items, className="coverage-legend")


def _elsewhere(context: DataContext, coverage: Coverage, path: str) -> html.P:
    """The other programmes' regional figures, each a link to its own table."""
    lang = coverage.lang
    links: list = [t("known_elsewhere", lang)]
    for index, (programme, count) in enumerate(coverage.elsewhere):
        if index:
            links.append(" · ")
        label = context.catalogue.programmes[programme].label(lang)
        links.append(
            html.A(
                t(
                    "known_elsewhere_item",
                    lang,
                    programme=label,
                    figures=t(
                        _plural("known_regional_figures", count), lang, n=_count(count, lang)
                    ),
                ),
                href=path + state_query(AppState(lang=lang, study=programme)),
            )
        )
    return html.P(links, className="coverage-note")


def coverage_sentence(context: DataContext, state: AppState, region_code: str) -> html.P | None:
    """« Aucun chiffre régional publié pour la Bretagne ; voici ce que disent les enquêtes
    nationales. » (the end a link to the France page), or what a region with figures has."""
    sentence = coverage_sentence_text(context, state, region_code)
    if sentence is None:
        return None
    if not sentence.href:
        return html.P(sentence.text, className="coverage-sentence")
    before, after = sentence.parts
    return html.P(
        [before, html.A(sentence.link_text, href=sentence.href), after],
        className="coverage-sentence",
    )


def _plural(key: str, count: int) -> str:
    return f"{key}_one" if count == 1 else f"{key}_many"


def _count(count: int, lang: str) -> str:
    return format_count(count, lang)
