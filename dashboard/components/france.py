"""The France page's blocks: the 16 fragilities by actor on one scale, then one ranked chart
per family of indicators, each followed by its table and its downloads.

Built from :func:`dashboard.views.france.france_figures` (numbers) and :mod:`dashboard.text.cells`
(how they are written). :func:`chart_export` rebuilds any of these charts from the state alone,
for :mod:`dashboard.exports.charts`.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.chart_export import ChartExport, chart_downloads
from dashboard.components.chart_table import chart_with_table, data_table
from dashboard.core.context import DataContext
from dashboard.core.state import AppState, state_query
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.figures.ranked import RankedSeries, ranked_chart
from dashboard.text.cells import base_text, caption_text, cell_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.france import (
    SCORE,
    SCORES_FAMILY,
    FranceFigures,
    france_figures,
    is_uncertain,
    lowest_actor,
    score_matrix,
)
from phare.selection import OK

SCORES_CHART = "france-scores"
FAMILY_PREFIX = "france-"
# Okabe-Ito colours with at least 3:1 contrast on white, one per actor on every France chart,
# and a marker shape each, so that print and colour-blind readers tell them apart too
ACTOR_STYLES = {
    "citoyens": ("#0072B2", "circle"),
    "associations": ("#D55E00", "square"),
    "entreprises": ("#009E73", "diamond"),
    "maires": ("#CC79A7", "triangle-up"),
    "pionniers": ("#666666", "star"),
}
SCORE_RANGE = (1.0, 10.0)


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


def scores_export(context: DataContext, state: AppState) -> ChartExport | None:
    """The fragilities chart: one row per fragility, one marker per actor on the 1–10 scale."""
    figures = france_figures(context, state)
    if figures.scores.empty:
        return None
    lang = state.lang
    catalogue = context.catalogue
    order, by_actor = score_matrix(context, figures, state.sort)
    labels = [catalogue.fragilities[f].label(lang) for f in order]
    groups = [catalogue.fragility_groups[catalogue.fragilities[f].group].label(lang) for f in order]
    series = [_actor_series(context, actor, rows, lang) for actor, rows in by_actor.items()]
    drawn = pd.concat(list(by_actor.values()), ignore_index=True).dropna(subset=["value"])
    drawn = drawn.assign(_at=drawn["fragility"].map(order.index)).sort_values("_at", kind="stable")
    figure = dot_chart(
        labels if state.sort else (groups, labels),
        series,
        caption=_caption(context, state, drawn, catalogue.indicators[SCORE].question(lang)),
        x_range=SCORE_RANGE,
        x_title=t("france_score_axis", lang),
        simulated=context.dataset(state.dataset).simulated,
        lang=lang,
    )
    return ChartExport(
        SCORES_CHART, t("france_scores", lang), figure, drawn.drop(columns="_at").reset_index()
    )


def _actor_series(context: DataContext, actor: str, rows: pd.DataFrame, lang: str) -> DotSeries:
    catalogue = context.catalogue
    colour_symbol = ACTOR_STYLES.get(actor, ("#666666", "circle"))
    label = catalogue.actors[actor].label(lang)
    hover = [
        " · ".join(
            part
            for part in (
                f"{label} — {catalogue.fragilities[row.fragility].label(lang)} : "
                + cell_text(row.value, row.status, row.unit, catalogue, lang),
                t("rank_within", lang, rank=int(row.rank), n=int(row.ranked)),
                t("uncertain", lang) if is_uncertain(row.confidence) else "",
            )
            if part
        )
        if pd.notna(row.value)
        else ""
        for row in rows.itertuples()
    ]
    return DotSeries(
        name=legend_label(actor_legend(context, actor, rows, lang)),
        values=rows["value"].to_numpy(dtype=float),
        lows=rows["ci_low"].to_numpy(dtype=float),
        highs=rows["ci_high"].to_numpy(dtype=float),
        markers=[""] * len(rows),
        hover=hover,
        symbol=colour_symbol[1],
        hollow=[is_uncertain(c) for c in rows["confidence"]],
    )


def actor_legend(context: DataContext, actor: str, rows: pd.DataFrame, lang: str) -> str:
    """« Entreprises — Dirigeants d'entreprises (10 salariés et plus), 2 024 répondants »: an
    actor with the population it speaks for, and its base when the source gives one."""
    spec = context.catalogue.actors[actor]
    legend = t("actor_population", lang, actor=spec.label(lang), population=spec.population(lang))
    bases = rows["n"].dropna()
    return legend + (f", {base_text(bases, lang)}" if not bases.empty else "")


def legend_label(legend: str) -> str:
    """A legend entry over two lines (actor, then population) so that it fits a phone."""
    return legend.replace(" — ", "<br>", 1)


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
    if (figures.scores["confidence"] == "low").any():
        notes.append(html.P(t("uncertain_key", lang), className="uncertain-key"))
    control = html.Fieldset(
        [
            html.Legend(t("france_sort", lang), className="share-label"),
            dcc.RadioItems(
                id="france-sort",
                options=sort_options(context, figures, lang),
                value=state.sort or "",
                inline=True,
                inputClassName="me-1",
                labelClassName="me-3",
            ),
        ],
        className="france-sort no-print",
    )
    return html.Section(
        [
            html.H2(t("france_scores", lang)),
            html.Aside(notes, className="chart-notes"),
            control if not figures.scores.empty else None,
            dcc.Loading(html.Div(scores_block(context, state), id="france-scores-block")),
        ],
        className="profile-section",
        id="france-fragilities",
    )


def family_export(context: DataContext, state: AppState, family: str) -> ChartExport | None:
    """One family's shares as ranked bars, every actor in its colour (None without a value)."""
    figures = france_figures(context, state)
    rows = figures.shares[figures.shares["family"] == family].reset_index(drop=True)
    if rows.empty:
        return None
    lang = state.lang
    catalogue = context.catalogue
    labels = [_row_label(context, row, lang) for _, row in rows.iterrows()]
    series = []
    for actor in dict.fromkeys(rows["actor"]):
        mine = rows["actor"] == actor
        series.append(
            RankedSeries(
                name=legend_label(actor_legend(context, actor, rows[mine], lang)),
                colour=ACTOR_STYLES.get(actor, ("#666666", ""))[0],
                labels=[label for label, keep in zip(labels, mine, strict=True) if keep],
                values=rows.loc[mine, "value"].tolist(),
                texts=[
                    cell_text(r.value, r.status, r.unit, catalogue, lang)
                    for r in rows[mine].itertuples()
                ],
                hollow=[is_uncertain(c) for c in rows.loc[mine, "confidence"]],
                hover=[_share_hover(context, r, lang) for _, r in rows[mine].iterrows()],
            )
        )
    question = (
        catalogue.indicators[rows["indicator"].iloc[0]].question(lang)
        if rows["indicator"].nunique() == 1
        else t("questions_in_table", lang)
    )
    figure = ranked_chart(
        labels,
        series,
        caption=_caption(context, state, rows, question),
        x_title=t("share_axis", lang),
        simulated=context.dataset(state.dataset).simulated,
        lang=lang,
    )
    title = catalogue.families[family].label(lang)
    return ChartExport(f"{FAMILY_PREFIX}{family}", title, figure, rows)


def _row_label(context: DataContext, row: pd.Series, lang: str) -> str:
    """« Maires — Innovation… : Emploi »: the actor first, then what was measured."""
    catalogue = context.catalogue
    what = catalogue.indicators[row["indicator"]].label(lang)
    if isinstance(row["fragility"], str):
        what += " : " + catalogue.fragilities[row["fragility"]].label(lang)
    return f"{catalogue.actors[row['actor']].label(lang)} — {what}"


def _share_hover(context: DataContext, row: pd.Series, lang: str) -> str:
    value = cell_text(row["value"], row["status"], row["unit"], context.catalogue, lang)
    parts = [f"{_row_label(context, row, lang)} : {value}"]
    if is_uncertain(row["confidence"]):
        parts.append(t("uncertain", lang))
    return " · ".join(parts)


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
                _row_label(context, row, lang),
                cell_text(row["value"], OK, row["unit"], context.catalogue, lang)
                + (f" ({t('uncertain', lang)})" if is_uncertain(row["confidence"]) else ""),
                row["note"],
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
                        [t("indicator", lang), t("value", lang), t("note", lang)],
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
            _row_label(context, row, lang),
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


def chart_ids(context: DataContext) -> tuple[str, ...]:
    """Every chart the France page can draw (whether or not the data gives it a value)."""
    families = [f for f in context.catalogue.families if f != SCORES_FAMILY]
    return (SCORES_CHART, *(f"{FAMILY_PREFIX}{family}" for family in families))


def chart_export(context: DataContext, state: AppState, chart_id: str) -> ChartExport | None:
    """Any chart of the France page, rebuilt from the state (None: unknown or without value)."""
    if chart_id == SCORES_CHART:
        return scores_export(context, state)
    family = chart_id.removeprefix(FAMILY_PREFIX)
    if chart_id.startswith(FAMILY_PREFIX) and family in context.catalogue.families:
        return family_export(context, state, family)
    return None


def _caption(context: DataContext, state: AppState, rows: pd.DataFrame, question: str) -> str:
    release = release_text(context.dataset(state.dataset), state.lang)
    return wrapped(caption_text(rows, question, release, context.catalogue, state.lang))
