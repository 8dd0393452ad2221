"""Comparer: what the page shows of two to four territories, as plain data (no Dash, no Plotly).

The territories are the first :data:`MAX_TERRITORIES` the URL asks for, each once; the others
are named as left out. Without ``territories`` the page compares its own default ones
(``core.state.PAGE_DEFAULTS``: Normandie, Occitanie and France). Each chart puts every territory
on one shared scale: the 16 fragilities' mean scores (1-10) of the actor, and the partnership
indicators (0-100 %). A value that differs significantly from the first territory's
(Holm-corrected across the chart's rows, :func:`phare.comparisons.column_differences`) is
marked :data:`DIFFERENT`, in the chart and in its table alike.

Every default opens on data: the actor is the URL's when its charts have a value in one of the
territories, else the one whose charts have values in the most of them
(:func:`compared_actor`), with a notice when the URL's actor was replaced; and a chart with no
value at all is not drawn: a sentence says what is missing and where to look
(:class:`dashboard.views.no_value.NoValue`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice
from dashboard.core.values import territory_name, view_columns
from dashboard.text.cells import caption_text, cell_text, interval_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.no_value import NoValue, no_value
from dashboard.views.options import option
from dashboard.views.region import (
    PARTNERSHIP_INDICATORS,
    PROFILE_ACTORS,
    SCORE,
    View,
    territory_rows,
)
from phare.comparisons import column_differences

MAX_TERRITORIES = 4
DIFFERENT = "*"  # beside a value that differs significantly from the first territory's
SCORE_RANGE = (1, 10)
SHARE_RANGE = (0, 100)
FRAGILITIES_CHART = "compare-fragilities"
PARTNERSHIP_CHART = "compare-partnership"
CACHED_COUNTS = 4  # value counts by actor and territory, per dataset and programme


@dataclass(frozen=True)
class ComparerSeries:
    """One territory over a chart's categories (NaN where nothing is published)."""

    code: str
    name: str
    values: tuple[float, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    markers: tuple[str, ...]  # DIFFERENT or "" beside each value
    hover: tuple[str, ...]  # each value as the table writes it: "6,9 [6,5 – 7,3]"
    france: bool


@dataclass(frozen=True)
class ComparerTable:
    """The chart's numbers as text: the header names the territories, a row per category."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ComparerChart:
    """One chart shared by every territory, and its table."""

    chart_id: str  # the graph's DOM id; its table's is ``{chart_id}-table``
    heading: str
    labels: tuple[str, ...]  # the categories, top to bottom
    series: tuple[ComparerSeries, ...]  # one per territory, in the asked order
    caption: str  # source, question, base and release, wrapped for Plotly
    x_range: tuple[float, float]
    x_title: str
    table: ComparerTable
    no_value: NoValue | None = None  # no value in any territory: said instead of drawn


@dataclass(frozen=True)
class ComparerView:
    """Everything the Comparer page shows for one state."""

    territories: tuple[str, ...]  # compared, in the asked order, each once
    names: tuple[str, ...]  # of ``territories``
    asked_count: int  # how many territories the URL asked for (duplicates counted)
    dropped: tuple[str, ...]  # asked beyond MAX_TERRITORIES: not compared
    too_few: bool  # fewer than two territories: no chart
    release: str  # "Données publiées, version …"
    release_id: str
    simulated: bool
    territory_options: tuple[dict, ...]  # the regions, then France (views.options.option)
    actor_options: tuple[dict, ...]  # the four surveyed actors
    actor: str  # the actor compared (compared_actor)
    notices: tuple[Notice, ...]  # the URL's actor replaced, when it had no value here
    charts: tuple[ComparerChart, ...]  # fragilities then partnership; empty when too_few


def asked_territories(raw: object) -> list[str]:
    """The territory ids of the URL's ``territories`` parameter, as asked (duplicates kept)."""
    if isinstance(raw, list | tuple):
        raw = raw[0] if raw else ""
    return [part for part in str(raw or "").split(",") if part]


def compared_query(query: Mapping[str, object], asked: list[str]) -> dict[str, object]:
    """The page's query with the first :data:`MAX_TERRITORIES` territories only (the state
    refuses more): the others are left out with a message, not the whole choice."""
    if len(asked) <= MAX_TERRITORIES:
        return dict(query)
    return {**query, "territories": ",".join(asked[:MAX_TERRITORIES])}


def actor_given(query: Mapping[str, object], notices: Sequence[Notice]) -> bool:
    """Whether the URL chose the actor: an ``actor`` parameter the page could read."""
    return "actor" in query and not any(notice.name == "actor" for notice in notices)


def comparer_view(
    context: DataContext, state: AppState, asked: list[str], *, actor_given: bool
) -> ComparerView:
    """The page of ``state`` (whose territories are the compared ones), ``asked`` being what the
    URL asked for before the extra territories were left out; ``actor_given``: the URL chose
    the actor (:func:`actor_given`), else the page chooses one with values."""
    lang = state.lang
    catalogue = context.catalogue
    dataset = context.dataset(state.dataset)
    release = release_text(dataset, lang)
    territories = tuple(dict.fromkeys(state.territories))
    too_few = len(territories) < 2
    actor, notices = compared_actor(context, state, territories, given=actor_given)
    state = state.model_copy(update={"actor": actor})
    return ComparerView(
        territories=territories,
        names=tuple(territory_name(context, code) for code in territories),
        asked_count=len(asked),
        dropped=tuple(asked[MAX_TERRITORIES:]),
        too_few=too_few,
        release=release,
        release_id=dataset.id,
        simulated=dataset.simulated,
        territory_options=(
            *(option(code, region.name, True) for code, region in catalogue.regions.items()),
            option(FRANCE, territory_name(context, FRANCE), True),
        ),
        actor_options=tuple(
            option(actor.id, actor.label(lang), True)
            for actor in catalogue.actors.values()
            if actor.id in PROFILE_ACTORS
        ),
        actor=actor,
        notices=notices,
        charts=() if too_few else comparison_charts(context, state, territories, release),
    )


def compared_actor(
    context: DataContext, state: AppState, territories: tuple[str, ...], *, given: bool
) -> tuple[str, tuple[Notice, ...]]:
    """The actor whose charts the page draws, and the notice when the URL's was replaced.

    The URL's actor (``given``) when its charts have a value in one of the territories;
    otherwise the actor whose charts have values in the most territories, then the most values
    (ties go to the state's actor, then to the order of the actor list). When no actor has a
    value there, the state's stays: each chart then says what is missing.
    """
    if len(territories) < 2:
        return state.actor, ()
    counts = context.memo(_value_counts, CACHED_COUNTS)(context, state.dataset, state.study)

    def reach(actor: str) -> tuple[int, int]:
        found = [counts.get(actor, {}).get(code, 0) for code in territories]
        return sum(1 for n in found if n), sum(found)

    if given and reach(state.actor)[0]:
        return state.actor, ()
    best = max(dict.fromkeys((state.actor, *PROFILE_ACTORS)), key=reach)
    if best == state.actor or not reach(best)[0]:
        return state.actor, ()
    if not given:
        return best, ()
    actors, lang = context.catalogue.actors, state.lang
    asked = actors[state.actor].label(lang)
    return best, (Notice("actor", asked, actors[best].label(lang), kind="no_value"),)


def _value_counts(context: DataContext, dataset: str, study: str) -> dict[str, dict[str, int]]:
    """For each actor, how many values its charts have in each territory (regions and FR)."""
    state = AppState(dataset=dataset, study=study)
    counts = {}
    for actor in PROFILE_ACTORS:
        found: Counter[str] = Counter()
        for views in chart_views(context, actor).values():
            for _, indicator, fragility in views:
                update = {"actor": actor, "indicator": indicator, "fragility": fragility}
                columns = view_columns(context, state.model_copy(update=update))
                values = columns["value"].astype(float)
                found.update(columns["code"][~np.isnan(values)])
        counts[actor] = dict(found)
    return counts


def chart_views(context: DataContext, actor: str) -> dict[str, list[View]]:
    """Each chart's rows for ``actor``, by chart id: the 16 fragilities' mean scores, and the
    partnership indicators given for all domains together."""
    catalogue = context.catalogue
    return {
        FRAGILITIES_CHART: [(actor, SCORE, fragility) for fragility in catalogue.fragilities],
        PARTNERSHIP_CHART: [
            (actor, indicator, None)
            for indicator in PARTNERSHIP_INDICATORS
            if not catalogue.indicators[indicator].per_fragility
        ],
    }


def comparison_charts(
    context: DataContext, state: AppState, territories: tuple[str, ...], release: str
) -> tuple[ComparerChart, ComparerChart]:
    """The fragilities' chart (scores 1-10) and the partnership chart (0-100 %)."""
    lang = state.lang
    catalogue = context.catalogue
    label = catalogue.actors[state.actor].label(lang)
    views = chart_views(context, state.actor)
    return (
        comparison_chart(
            FRAGILITIES_CHART,
            (
                t("compare_fragilities", lang, actor=label),
                t("compare_no_scores", lang, actor=label.lower()),
            ),
            context,
            state,
            territories,
            views[FRAGILITIES_CHART],
            SCORE_RANGE,
            catalogue.indicators[SCORE].label(lang),
            release,
        ),
        comparison_chart(
            PARTNERSHIP_CHART,
            (
                t("profile_partnership", lang),
                t("compare_no_partnership", lang, actor=label.lower()),
            ),
            context,
            state,
            territories,
            views[PARTNERSHIP_CHART],
            SHARE_RANGE,
            t("share_axis", lang),
            release,
        ),
    )


def comparison_chart(
    chart_id: str,
    texts: tuple[str, str],
    context: DataContext,
    state: AppState,
    territories: tuple[str, ...],
    views: list[View],
    x_range: tuple[float, float],
    x_title: str,
    release: str,
) -> ComparerChart:
    """One chart of ``views`` (one row each) for every territory, against the first one;
    ``texts``: its heading, and what it says instead when no territory has a value."""
    heading, missing = texts
    lang = state.lang
    catalogue = context.catalogue
    frames = {code: territory_rows(context, state, code, views) for code in territories}
    first = territories[0]
    series = tuple(
        territory_series(
            context, code, frames[code], None if code == first else frames[first], views, lang
        )
        for code in territories
    )
    labels = tuple(
        catalogue.fragilities[fragility].label(lang)
        if isinstance(fragility, str)
        else catalogue.indicators[indicator].label(lang)
        for _, indicator, fragility in views
    )
    question = (
        catalogue.indicators[views[0][1]].question(lang)
        if len({indicator for _, indicator, _ in views}) == 1
        else t("questions_in_table", lang)
    )
    names = tuple(item.name for item in series)
    return ComparerChart(
        chart_id=chart_id,
        heading=heading,
        labels=labels,
        series=series,
        caption=wrapped(
            caption_text(pd.concat(frames.values()), question, release, catalogue, lang)
        ),
        x_range=x_range,
        x_title=x_title,
        table=ComparerTable(
            caption=t("compare_table", lang, first=names[0]),
            header=(t("indicator", lang), *names),
            rows=table_rows(labels, series),
        ),
        no_value=None if _any_value(series) else no_value(missing, state),
    )


def _any_value(series: tuple[ComparerSeries, ...]) -> bool:
    return any(not np.isnan(value) for item in series for value in item.values)


def territory_series(
    context: DataContext,
    code: str,
    rows: pd.DataFrame,
    reference: pd.DataFrame | None,
    views: list[View],
    lang: str,
) -> ComparerSeries:
    """``code``'s rows as a series, marked where they differ significantly from ``reference``,
    the first territory's rows (None for the first territory itself: never marked)."""
    catalogue = context.catalogue
    differs = [None] * len(rows) if reference is None else column_differences(reference, rows)
    units = [catalogue.indicators[indicator].unit for _, indicator, _ in views]
    return ComparerSeries(
        code=code,
        name=territory_name(context, code),
        values=tuple(rows["value"].to_numpy(dtype=float).tolist()),
        lows=tuple(rows["ci_low"].to_numpy(dtype=float).tolist()),
        highs=tuple(rows["ci_high"].to_numpy(dtype=float).tolist()),
        markers=tuple(DIFFERENT if flag is True else "" for flag in differs),
        hover=tuple(
            value_text(row, unit, context, lang)
            for (_, row), unit in zip(rows.iterrows(), units, strict=True)
        ),
        france=code == FRANCE,
    )


def table_rows(
    labels: tuple[str, ...], series: tuple[ComparerSeries, ...]
) -> tuple[tuple[str, ...], ...]:
    """A row per category: its label, then each territory's value as hovered, marked."""
    return tuple(
        (
            label,
            *(
                item.hover[index] + (f" {item.markers[index]}" if item.markers[index] else "")
                for item in series
            ),
        )
        for index, label in enumerate(labels)
    )


def value_text(row: pd.Series, unit: str, context: DataContext, lang: str) -> str:
    """ "6,9 [6,5 – 7,3]", or the value alone without an interval, or its status."""
    value = cell_text(row["value"], row["status"], unit, context.catalogue, lang)
    interval = interval_text(row["ci_low"], row["ci_high"], unit, lang)
    return f"{value} [{interval}]" if interval else value
