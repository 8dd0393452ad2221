"""The France page's charts: the 16 fragilities by actor on one scale, and one ranked chart per
family of indicators (laid out by :mod:`dashboard.components.france_page`).

Built from :func:`dashboard.views.france.france_figures` (numbers) and :mod:`dashboard.text.cells`
(how they are written). :func:`chart_export` rebuilds any of these charts from the state alone,
for :mod:`dashboard.exports.charts`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.components.chart_export import ChartExport
from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.figures.ranked import RankedSeries, ranked_chart
from dashboard.text.cells import base_text, caption_text, cell_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.france import (
    SCORE,
    SCORES_FAMILY,
    france_figures,
    is_uncertain,
    score_matrix,
)

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


def scores_export(context: DataContext, state: AppState) -> ChartExport | None:
    """The fragilities chart: one row per fragility, one marker per actor on the 1–10 scale."""
    figures = france_figures(context, state)
    if figures.scores.empty:
        return None
    lang = state.lang
    catalogue = context.catalogue
    order, by_actor = score_matrix(context, figures, state.sort)
    labels = [catalogue.fragilities[f].label(lang) for f in order]
    series = [_actor_series(context, actor, rows, lang) for actor, rows in by_actor.items()]
    drawn = pd.concat(list(by_actor.values()), ignore_index=True).dropna(subset=["value"])
    drawn = drawn.assign(_at=drawn["fragility"].map(order.index)).sort_values("_at", kind="stable")
    figure = dot_chart(
        labels,  # one level: a phone keeps room for the scale (the table gives the groups)
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


def family_export(context: DataContext, state: AppState, family: str) -> ChartExport | None:
    """One family's shares as ranked bars, every actor in its colour (None without a value)."""
    shares = france_figures(context, state).shares
    title = context.catalogue.families[family].label(state.lang)
    chart_id = f"{FAMILY_PREFIX}{family}"
    return shares_export(context, state, shares[shares["family"] == family], chart_id, title)


def indicators_export(
    context: DataContext, state: AppState, indicators: Iterable[str], chart_id: str, title: str
) -> ChartExport | None:
    """France's shares of ``indicators`` as ranked bars (a profile without regional figures)."""
    shares = france_figures(context, state).shares
    return shares_export(
        context, state, shares[shares["indicator"].isin(list(indicators))], chart_id, title
    )


def shares_export(
    context: DataContext, state: AppState, rows: pd.DataFrame, chart_id: str, title: str
) -> ChartExport | None:
    """``rows`` (national shares, highest first within their family) as ranked bars."""
    rows = rows.reset_index(drop=True)
    if rows.empty:
        return None
    lang = state.lang
    catalogue = context.catalogue
    labels = [row_label(context, row, lang) for _, row in rows.iterrows()]
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
    return ChartExport(chart_id, title, figure, rows)


def row_label(context: DataContext, row: pd.Series, lang: str) -> str:
    """« Maires — Innovation… : Emploi »: the actor first, then what was measured."""
    catalogue = context.catalogue
    what = catalogue.indicators[row["indicator"]].label(lang)
    if isinstance(row["fragility"], str):
        what += " : " + catalogue.fragilities[row["fragility"]].label(lang)
    return f"{catalogue.actors[row['actor']].label(lang)} — {what}"


def _share_hover(context: DataContext, row: pd.Series, lang: str) -> str:
    value = cell_text(row["value"], row["status"], row["unit"], context.catalogue, lang)
    parts = [f"{row_label(context, row, lang)} : {value}"]
    if is_uncertain(row["confidence"]):
        parts.append(t("uncertain", lang))
    return " · ".join(parts)


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
