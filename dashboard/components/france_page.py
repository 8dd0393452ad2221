"""The France page's sections: the programme shown, the fragilities with their sort control
and notes, one section per family of indicators, the key figures.

The charts themselves come from :mod:`dashboard.components.france` (which the per-chart export
also reads); this module lays them out with their tables and downloads.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components.chart_export import chart_downloads
from dashboard.components.chart_table import chart_with_table, data_table
from dashboard.components.france import (
    SCORES_CHART,
    family_export,
    row_label,
    scores_export,
)
from dashboard.core.context import DataContext
from dashboard.core.state import AppState, state_query
from dashboard.text.cells import caption_text, cell_text
from dashboard.text.i18n import t
from dashboard.views.france import FranceFigures, france_figures, is_uncertain, lowest_actor
from phare.selection import OK


def programme_links(context: DataContext, state: AppState) -> html.P:
    """PHARE (2015-2016) · IMPACT (2018-2022) · other sources: the programme shown, and links to
    the others (a programme's figures are never mixed with another's)."""
    lang = state.lang
    parts: list = [html.Span(t("france_programme", lang), className="share-label"), " "]
    for index, programme in enumerate(context.catalogue.programmes.values()):
        label = programme.label(lang)
        link = (
            html.Strong(label, **{"aria-current": "page"})
            if programme.id == state.study
            else html.A(label, href="/region/FR" + state_query(state, study=programme.id))
        )
        parts += [" · ", link] if index else [link]
    return html.P(parts, className="france-programmes")


def sort_options(context: DataContext, figures: FranceFigures, lang: str) -> list[dict]:
    """The sort control's choices: the groups' order, then each scoring actor's score."""
    actors = context.catalogue.actors
    return [
        {"label": t("france_sort_groups", lang), "value": ""},
        *(
            {"label": t("france_sort_by", lang, actor=actors[a].label(lang)), "value": a}
            for a in figures.score_actors
        ),
    ]


def scores_block(context: DataContext, state: AppState) -> list:
    """The fragilities chart in the state's order, its table and its downloads; a sentence
    instead when the programme published no score."""
    lang = state.lang
    exported = scores_export(context, state)
    if exported is None:
        return [html.P(t("france_nothing", lang), className="no-regional-data")]
    catalogue = context.catalogue
    rows = exported.rows
    header = [t("group", lang), t("fragility", lang)]
    actors = list(dict.fromkeys(rows["actor"]))
    for actor in actors:
        label = catalogue.actors[actor].label(lang)
        header += [t("score_col", lang, actor=label), t("rank_col", lang, actor=label)]
    table = []
    for fragility in dict.fromkeys(rows["fragility"]):
        mine = rows[rows["fragility"] == fragility].set_index("actor")
        spec = catalogue.fragilities[fragility]
        line = [catalogue.fragility_groups[spec.group].label(lang), spec.label(lang)]
        for actor in actors:
            line += _score_cells(context, mine.loc[actor] if actor in mine.index else None, lang)
        table.append(line)
    return [
        chart_with_table(
            SCORES_CHART, exported.figure, exported.title, header, table, lang=state.lang
        ),
        chart_downloads(SCORES_CHART, state),
    ]


def _score_cells(context: DataContext, row: pd.Series | None, lang: str) -> list[str]:
    if row is None or pd.isna(row["value"]):
        return [t("not_published", lang), ""]
    text = cell_text(row["value"], row["status"], row["unit"], context.catalogue, lang)
    if is_uncertain(row["confidence"]):
        text += f" ({t('uncertain', lang)})"
    return [text, t("rank_of", lang, rank=int(row["rank"]), n=int(row["ranked"]))]


def scores_section(context: DataContext, state: AppState) -> html.Section:
    """The fragilities section: what the actors' scores allow, the sort control, the chart."""
    lang = state.lang
    figures = france_figures(context, state)
    actors = context.catalogue.actors
    notes = [html.P(t("france_scores_caveat", lang), className="chart-caveat")]
    lowest = lowest_actor(figures.scores) if not figures.scores.empty else None
    if lowest is not None:
        notes.append(
            html.P(
                t(
                    "france_lowest",
                    lang,
                    actor=actors[lowest.actor].label(lang),
                    count=lowest.count,
                    shared=lowest.shared,
                )
            )
        )
    if figures.unscored_actors:
        names = ", ".join(actors[a].label(lang) for a in figures.unscored_actors)
        notes.append(html.P(t("france_unscored", lang, actors=names)))
    if figures.scores["confidence"].map(is_uncertain).any():
        notes.append(html.P(t("uncertain_key", lang), className="uncertain-key"))
    control = html.Fieldset(
        [
            html.Legend(t("france_sort", lang), className="share-label"),
            # native radio buttons named by the legend (Dash 4's dcc.RadioItems nests its
            # inputs in ARIA widgets that axe reports as unnamed and nested)
            dbc.RadioItems(
                id="france-sort",
                options=sort_options(context, figures, lang),
                value=state.sort or "",
                inline=True,
                name="france-sort",
            ),
        ],
        className="france-sort no-print",
    )
    reading = [html.Aside(notes, className="chart-notes"), control if len(figures.scores) else None]
    chart = dcc.Loading(html.Div(scores_block(context, state), id="france-scores-block"))
    # an article's embed shows the chart first, what to read into it right under it
    parts = [chart, *reading] if state.embed else [*reading, chart]
    return html.Section(
        [html.H2(t("france_scores", lang)), *parts],
        className="profile-section",
        id="france-fragilities",
    )


def family_sections(context: DataContext, state: AppState) -> list[html.Section]:
    """One section per family of indicators with a national share, in the catalogue's order."""
    lang = state.lang
    sections = []
    for family in context.catalogue.families:
        exported = family_export(context, state, family)
        if exported is None:
            continue
        rows = exported.rows
        table = [
            [
                row_label(context, row, lang),
                cell_text(row["value"], OK, row["unit"], context.catalogue, lang)
                + (f" ({t('uncertain', lang)})" if is_uncertain(row["confidence"]) else ""),
            ]
            for _, row in rows.iterrows()
        ]
        sections.append(
            html.Section(
                [
                    html.H2(exported.title),
                    chart_with_table(
                        exported.chart_id,
                        exported.figure,
                        exported.title,
                        # the sources' notes are the curators' (English, quoting French): kept
                        # in the data file, not on a page in either language
                        [t("indicator", lang), t("value", lang)],
                        table,
                        lang=lang,
                    ),
                    chart_downloads(exported.chart_id, state),
                ],
                className="profile-section",
                id=f"section-{exported.chart_id}",
            )
        )
    return sections


def key_figures_section(context: DataContext, state: AppState) -> html.Section | None:
    """Counts, averages and changes in points: a table (no percent axis holds them)."""
    lang = state.lang
    rows = france_figures(context, state).key_figures
    if rows.empty:
        return None
    catalogue = context.catalogue
    table = [
        [
            row_label(context, row, lang),
            cell_text(row["value"], OK, row["unit"], catalogue, lang),
            caption_text(pd.DataFrame([row]), row["question"] or "", "", catalogue, lang),
        ]
        for _, row in rows.iterrows()
    ]
    return html.Section(
        [
            html.H2(t("france_key_figures", lang)),
            data_table(
                "france-key-figures",
                t("france_key_figures", lang),
                [t("indicator", lang), t("value", lang), t("source", lang)],
                table,
                printed=True,
            ),
        ],
        className="profile-section",
        id="france-key-figures-section",
    )
