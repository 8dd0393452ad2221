"""Comparer: what the page shows of two to four territories, as plain data (no Dash, no Plotly).

The territories are the first :data:`MAX_TERRITORIES` the URL asks for, each once; the others
are named as left out. Without ``territories`` the page compares its own default ones
(``core.state.PAGE_DEFAULTS``: Normandie, Occitanie and France). Each chart puts every territory
on one shared scale: the 16 fragilities' mean scores (1-10) of the actor, and the partnership
indicators (0-100 %). A value that differs significantly from the first territory's
(Holm-corrected across the chart's rows, :func:`phare.comparisons.column_differences`) is
marked :data:`DIFFERENT`, in the chart and in its table alike.

Every default opens on data: the actor is the URL's when its charts have a value in one of the
territories, else the one whose charts have values in the most of them, with a notice when the
URL's actor was replaced (:mod:`dashboard.views.comparer_actor`). A chart with no value at all
is not drawn: a sentence says what is missing and where to look
(:class:`dashboard.views.no_value.NoValue`); the partnership chart leaves out the indicators
no territory has, and names them under it (the 16 fragilities are always listed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, Notice
from dashboard.core.values import territory_name
from dashboard.text.cells import caption_text, cell_text, interval_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.comparer_actor import (
    FRAGILITIES_CHART,
    PARTNERSHIP_CHART,
    chart_views,
    compared_actor,
)
from dashboard.views.no_value import NoValue, no_value
from dashboard.views.options import option
from dashboard.views.region import (
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
    views: tuple[View, ...]  # (actor, indicator, fragility) of each category, in that order
    series: tuple[ComparerSeries, ...]  # one per territory, in the asked order
    caption: str  # source, question, base and release, wrapped for Plotly
    x_range: tuple[float, float]
    x_title: str
    table: ComparerTable
    no_value: NoValue | None = None  # no value in any territory: said instead of drawn
    left_out: str = ""  # the rows without value in any territory, named (not drawn)


@dataclass(frozen=True)
class ChartSpec:
    """What a chart is, before its values: its id, heading, scale, and which rows it keeps."""

    chart_id: str
    heading: str
    missing: str  # said instead of the chart when no territory has a value
    x_range: tuple[float, float]
    x_title: str
    every_row: bool  # True: rows without value kept (the 16 fragilities); False: left out


@dataclass(frozen=True)
class ComparerView:
    """Everything the Comparer page shows for one state."""

    territories: tuple[str, ...]  # compared, in the asked order, each once
    names: tuple[str, ...]  # of ``territories``
    asked_count: int  # how many territories the URL asked for (duplicates counted)
    dropped: tuple[str, ...]  # asked beyond MAX_TERRITORIES: not compared
    dropped_names: tuple[str, ...]  # of ``dropped``, as the page says them
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


def asked_name(context: DataContext, code: str) -> str:
    """A territory the URL asked for, by its name; a code the catalogue does not know, as
    given (the page says it does not know it)."""
    known = code == FRANCE or code in context.catalogue.regions
    return territory_name(context, code) if known else code


def compared_query(query: Mapping[str, object], asked: list[str]) -> dict[str, object]:
    """The page's query with the first :data:`MAX_TERRITORIES` territories only (the state
    refuses more): the others are left out with a message, not the whole choice."""
    if len(asked) <= MAX_TERRITORIES:
        return dict(query)
    return {**query, "territories": ",".join(asked[:MAX_TERRITORIES])}


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
        dropped_names=tuple(asked_name(context, code) for code in asked[MAX_TERRITORIES:]),
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


def comparison_charts(
    context: DataContext, state: AppState, territories: tuple[str, ...], release: str
) -> tuple[ComparerChart, ...]:
    """The fragilities' chart (scores 1-10) and the partnership chart (0-100 %)."""
    lang = state.lang
    catalogue = context.catalogue
    actor = catalogue.actors[state.actor].label(lang)
    views = chart_views(context, state.actor)
    fragilities = ChartSpec(
        FRAGILITIES_CHART,
        t("compare_fragilities", lang, actor=actor),
        t("compare_no_scores", lang, actor=actor.lower()),
        SCORE_RANGE,
        catalogue.indicators[SCORE].label(lang),
        every_row=True,
    )
    partnership = ChartSpec(
        PARTNERSHIP_CHART,
        t("profile_partnership", lang),
        t("compare_no_partnership", lang, actor=actor.lower()),
        SHARE_RANGE,
        t("share_axis", lang),
        every_row=False,
    )
    return tuple(
        comparison_chart(spec, context, state, territories, views[spec.chart_id], release)
        for spec in (fragilities, partnership)
    )


def comparison_chart(
    spec: ChartSpec,
    context: DataContext,
    state: AppState,
    territories: tuple[str, ...],
    views: list[View],
    release: str,
) -> ComparerChart:
    """One chart of ``views`` (one row each) for every territory, against the first one."""
    lang = state.lang
    catalogue = context.catalogue
    frames = {code: territory_rows(context, state, code, views) for code in territories}
    valued = np.any([frame["value"].notna().to_numpy() for frame in frames.values()], axis=0)
    labels = tuple(
        catalogue.fragilities[fragility].label(lang)
        if isinstance(fragility, str)
        else catalogue.indicators[indicator].label(lang)
        for _, indicator, fragility in views
    )
    left_out = ()
    if not spec.every_row and valued.any():  # rows without value: named, not drawn
        left_out = tuple(label for label, kept in zip(labels, valued, strict=True) if not kept)
        frames = {code: frame[valued].reset_index(drop=True) for code, frame in frames.items()}
        views = [view for view, kept in zip(views, valued, strict=True) if kept]
        labels = tuple(label for label, kept in zip(labels, valued, strict=True) if kept)
    first = territories[0]
    series = tuple(
        territory_series(
            context, code, frames[code], None if code == first else frames[first], views, lang
        )
        for code in territories
    )
    question = (
        catalogue.indicators[views[0][1]].question(lang)
        if len({indicator for _, indicator, _ in views}) == 1
        else t("questions_in_table", lang)
    )
    names = tuple(item.name for item in series)
    return ComparerChart(
        chart_id=spec.chart_id,
        heading=spec.heading,
        labels=labels,
        views=tuple(views),
        series=series,
        caption=wrapped(
            caption_text(pd.concat(frames.values()), question, release, catalogue, lang)
        ),
        x_range=spec.x_range,
        x_title=spec.x_title,
        table=ComparerTable(
            caption=t("compare_table", lang, first=names[0]),
            header=(t("indicator", lang), *names),
            rows=table_rows(labels, series),
        ),
        no_value=None if valued.any() else no_value(spec.missing, state),
        left_out=_left_out_text(left_out, lang),
    )


def _left_out_text(labels: tuple[str, ...], lang: str) -> str:
    """ "Non publié pour ces territoires, absent du graphique : A ; B", or "" for none."""
    if not labels:
        return ""
    return t("compare_left_out", lang, labels=(" ; " if lang == "fr" else "; ").join(labels))


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
