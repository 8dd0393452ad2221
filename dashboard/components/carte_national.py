"""The Carte's national chart: what takes the map's place when a view has a national figure
and no regional one (« Chiffre national uniquement »).

An indicator given per fragility shows the actor's national values across the fragilities (a
dot chart, an uncertain reading open with « lecture incertaine »); any other, the indicator
across the actors (ranked bars, each actor in its colour). The fragility or actor chosen on the
map is marked « ◀ choix de la carte ». The chart carries its caption (source, study, fieldwork
date, question, base, release), is followed by its table, its downloads (the per-chart export,
:mod:`dashboard.exports.charts`, under :data:`NATIONAL_CHART`) and a link to the France page.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.chart_export import ChartExport, chart_downloads
from dashboard.components.chart_table import chart_with_table
from dashboard.components.france import ACTOR_STYLES, actor_legend, legend_label
from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.figures.ranked import RankedSeries, ranked_chart
from dashboard.text.cells import caption_text, cell_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.carte_national import (
    ACROSS_FRAGILITIES,
    NATIONAL_CHART,
    NationalView,
    national_view,
)
from dashboard.views.france import is_uncertain

HEADROOM = 1.15  # an axis without a fixed domain reaches this far past the largest value


def national_block(context: DataContext, state: AppState) -> list | None:
    """The badge, the chart with its table and downloads, and the way to the France page;
    None when the view has a regional value (the map shows it) or no value at all."""
    view = national_view(context, state)
    if view is None:
        return None
    lang = state.lang
    exported = national_export(context, state, view)
    header = [
        t("fragility" if view.kind == ACROSS_FRAGILITIES else "actor", lang),
        t("value", lang),
    ]
    table = [
        [_row_name(context, row, view, lang, bold=False), _cell(context, row, lang)]
        for row in _rows(view)
    ]
    return [
        html.P(t("national_only_badge", lang), className="national-badge", id="national-badge"),
        html.P(t("national_only_intro", lang), className="national-intro"),
        chart_with_table(NATIONAL_CHART, exported.figure, exported.title, header, table, lang=lang),
        chart_downloads(NATIONAL_CHART, state),
        html.P(
            html.A(t("national_france_link", lang), href=view.france_link, id="national-france"),
            className="national-france-link",
        ),
    ]


def national_export(
    context: DataContext, state: AppState, view: NationalView | None = None
) -> ChartExport | None:
    """The national chart of the state's view, rebuilt from the state alone (None: the view
    has a regional value, or none at all)."""
    view = view or national_view(context, state)
    if view is None:
        return None
    lang = state.lang
    catalogue = context.catalogue
    indicator = catalogue.indicators[state.indicator]
    release = release_text(context.dataset(state.dataset), lang)
    caption = wrapped(caption_text(view.rows, indicator.question(lang), release, catalogue, lang))
    simulated = context.dataset(state.dataset).simulated
    x_range = _x_range(context, state.indicator, view.rows["value"])
    if view.kind == ACROSS_FRAGILITIES:
        title = t(
            "national_across_fragilities",
            lang,
            indicator=indicator.label(lang),
            actor=_actor_name(context, state.actor, state.segment, lang),
        )
        figure = dot_chart(
            [_row_name(context, row, view, lang) for row in _rows(view)],
            [_fragility_series(context, view, lang)],
            caption=caption,
            x_range=x_range,
            x_title=catalogue.unit_of(state.indicator).label(lang),
            simulated=simulated,
            lang=lang,
        )
    else:
        title = t("national_across_actors", lang, indicator=indicator.label(lang))
        figure = ranked_chart(
            [_row_name(context, row, view, lang) for row in _rows(view)],
            [_actor_series(context, view, row, lang) for row in _rows(view)],
            caption=caption,
            x_title=catalogue.unit_of(state.indicator).label(lang),
            simulated=simulated,
            lang=lang,
            x_range=x_range,
        )
    rows = view.rows.drop(columns="segment")
    return ChartExport(NATIONAL_CHART, title, figure, rows, page="/", name=_name(state))


def _fragility_series(context: DataContext, view: NationalView, lang: str) -> DotSeries:
    """The actor's national values, one per fragility, the chosen one marked."""
    rows = view.rows
    actor = str(rows["actor"].iloc[0])
    return DotSeries(
        name=legend_label(actor_legend(context, actor, rows, lang)),
        values=rows["value"].to_numpy(dtype=float),
        lows=rows["ci_low"].to_numpy(dtype=float),
        highs=rows["ci_high"].to_numpy(dtype=float),
        markers=[_chosen_mark(row, view, lang) for row in _rows(view)],
        hover=[_hover(context, row, view, lang) for row in _rows(view)],
        symbol=ACTOR_STYLES.get(actor, ("", "circle"))[1],
        hollow=[is_uncertain(c) for c in rows["confidence"]],
    )


def _actor_series(
    context: DataContext, view: NationalView, row: pd.Series, lang: str
) -> RankedSeries:
    """One actor's bar, in its colour; the chosen actor's bar says so at its end."""
    actor = str(row["actor"])
    value = _cell(context, row, lang)
    mark = _chosen_mark(row, view, lang)
    return RankedSeries(
        name=legend_label(actor_legend(context, actor, pd.DataFrame([row]), lang)),
        colour=ACTOR_STYLES.get(actor, ("#666666", ""))[0],
        labels=[_row_name(context, row, view, lang)],
        values=[float(row["value"])],
        texts=[f"{value}{mark}"],
        hollow=[is_uncertain(row["confidence"])],
        hover=[_hover(context, row, view, lang)],
    )


def _rows(view: NationalView) -> list[pd.Series]:
    return [row for _, row in view.rows.iterrows()]


def _is_chosen(row: pd.Series, view: NationalView) -> bool:
    key = "fragility" if view.kind == ACROSS_FRAGILITIES else "actor"
    value = row[key] if isinstance(row[key], str) else None
    return value == view.chosen


def _chosen_mark(row: pd.Series, view: NationalView, lang: str) -> str:
    return f"  ◀ {t('national_chosen', lang)}" if _is_chosen(row, view) else ""


def _row_name(
    context: DataContext, row: pd.Series, view: NationalView, lang: str, *, bold: bool = True
) -> str:
    """A fragility (or « all domains »), or an actor with its segment; on the chart's axis
    (``bold``) the chosen one in bold."""
    catalogue = context.catalogue
    if view.kind == ACROSS_FRAGILITIES:
        fragility = row["fragility"]
        name = (
            catalogue.fragilities[fragility].label(lang)
            if isinstance(fragility, str)
            else t("all_domains", lang)
        )
    else:
        name = _actor_name(context, str(row["actor"]), str(row["segment"]), lang)
    return f"<b>{name}</b>" if bold and _is_chosen(row, view) else name


def _actor_name(context: DataContext, actor: str, segment: str, lang: str) -> str:
    name = context.catalogue.actors[actor].label(lang)
    if segment != "all":
        name += f" ({context.catalogue.segments[segment].label(lang)})"
    return name


def _cell(context: DataContext, row: pd.Series, lang: str) -> str:
    text = cell_text(row["value"], row["status"], row["unit"], context.catalogue, lang)
    return text + (f" ({t('uncertain', lang)})" if is_uncertain(row["confidence"]) else "")


def _hover(context: DataContext, row: pd.Series, view: NationalView, lang: str) -> str:
    name = _row_name(context, row, view, lang, bold=False)
    value = cell_text(row["value"], row["status"], row["unit"], context.catalogue, lang)
    parts = [f"{name}{' : ' if lang == 'fr' else ': '}{value}"]
    if is_uncertain(row["confidence"]):
        parts.append(t("uncertain", lang))
    return " · ".join(parts)


def _x_range(context: DataContext, indicator: str, values: pd.Series) -> tuple[float, float]:
    """The unit's whole scale when it has one (1–10, 0–100 %), else from 0 past the values."""
    domain = context.catalogue.unit_of(indicator).domain
    if domain is not None:
        return (float(domain[0]), float(domain[1]))
    low, high = float(values.min()), float(values.max())
    return (min(0.0, low * HEADROOM), max(0.0, high * HEADROOM) or 1.0)


def _name(state: AppState) -> tuple[str, ...]:
    """What the file name adds to the chart id: the view, from catalogue ids."""
    parts = [state.indicator, state.fragility, state.actor]
    return tuple(p for p in (*parts, None if state.segment == "all" else state.segment) if p)


def chart_ids(context: DataContext) -> tuple[str, ...]:
    """The Carte's one exportable chart."""
    return (NATIONAL_CHART,)


def chart_export(context: DataContext, state: AppState, chart_id: str) -> ChartExport | None:
    """The Carte's national chart, rebuilt from the state (None: another id, or no chart)."""
    return national_export(context, state) if chart_id == NATIONAL_CHART else None
