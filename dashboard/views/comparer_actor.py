"""Comparer's rows and actor: which rows each chart has, and which actor the page compares.

Every default opens on data: the actor is the URL's when its charts have a value in one of the
territories, else the one whose charts have values in the most of them (:func:`compared_actor`),
with a notice when the URL's actor was replaced. The counts behind that choice are computed once
per dataset and programme, from the values the charts draw
(:func:`dashboard.core.values.view_columns`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from dashboard.core.context import DataContext
from dashboard.core.state import AppState, Notice
from dashboard.core.values import view_columns
from dashboard.views.region import PARTNERSHIP_INDICATORS, PROFILE_ACTORS, SCORE, View

FRAGILITIES_CHART = "compare-fragilities"
PARTNERSHIP_CHART = "compare-partnership"
CACHED_COUNTS = 4  # value counts by actor and territory, per dataset and programme


def actor_given(query: Mapping[str, object], notices: Sequence[Notice]) -> bool:
    """Whether the URL chose the actor: an ``actor`` parameter the page could read."""
    return "actor" in query and not any(notice.name == "actor" for notice in notices)


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
