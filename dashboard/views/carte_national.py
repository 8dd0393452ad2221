"""The Carte's national-only views: an indicator the sources publish for France alone.

Most published PHARE figures are national (146 of 166). A view with no regional value but a
national one is not drawn as a grey map: the map's place shows its national chart
(:mod:`dashboard.components.carte_national`), across the fragilities for an indicator given per
fragility (the actor's national values), across the actors otherwise. This module says which
views are national-only and gathers
the national chart's rows, each France's row of
:func:`dashboard.core.values.view_columns` as the France page reads it
(:func:`dashboard.views.france.national_row`).

Exports: ``/export/view.csv|png|svg`` draw a map of regional values. For a view without any
regional value they answer 404 with a sentence (:func:`view_refusal`) instead of a grey map or
an empty table: a national-only view's sentence points at its national chart's own export,
``/export/chart/carte-national.<png|svg|csv>?<state>``, the one its page links to; a view with
no value at all points at the France page. The chart is not served under the map's URL: a
``view.png`` is always a map, and a file name never hides a change of kind.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState, state_query
from dashboard.core.values import RegionValues, region_values
from dashboard.text.i18n import t
from dashboard.views.france import NATIONAL_COLUMNS, national_row

NATIONAL_CHART = "carte-national"  # its id on the per-chart export path
ACROSS_FRAGILITIES, ACROSS_ACTORS = "fragilities", "actors"


@dataclass(frozen=True, eq=False)
class NationalView:
    """What the map's place shows for a national-only view.

    ``rows``: :data:`dashboard.views.france.NATIONAL_COLUMNS` in the chart's order (the
    catalogue's fragilities, or the actors from the highest value down), ``segment`` the
    segment of each row. ``chosen``: the fragility or actor the state picked, marked on the
    chart.
    """

    kind: str  # ACROSS_FRAGILITIES or ACROSS_ACTORS
    rows: pd.DataFrame
    chosen: str | None
    france_link: str  # the France page, same data and language


def has_regional_value(values: RegionValues) -> bool:
    return bool(values.regions["value"].notna().any())


def shows_own_file(state: AppState) -> bool:
    """The commune map of the visitor's file: their values, whatever the sources publish."""
    return state.level == "commune" and state.show == "upload"


def national_view(context: DataContext, state: AppState) -> NationalView | None:
    """The national chart of a view with a national value and no regional one, else None."""
    values = region_values(context, state)
    if shows_own_file(state) or has_regional_value(values) or values.france is None:
        return None
    catalogue = context.catalogue
    if catalogue.indicators[state.indicator].per_fragility:
        kind, chosen = ACROSS_FRAGILITIES, state.fragility
        keys = [(state.actor, state.segment, f) for f in [*catalogue.fragilities, None]]
    else:
        kind, chosen = ACROSS_ACTORS, state.actor
        keys = [(a, state.segment if a == state.actor else "all", None) for a in catalogue.actors]
    rows = []
    for actor, segment, fragility in keys:
        row = national_row(context, state, actor, state.indicator, fragility, segment)
        if row is not None:
            rows.append({**row, "segment": segment})
    frame = pd.DataFrame(rows, columns=[*NATIONAL_COLUMNS, "segment"])
    if kind == ACROSS_ACTORS:
        frame = frame.sort_values("value", ascending=False, kind="stable")
    return NationalView(
        kind=kind,
        rows=frame.reset_index(drop=True),
        chosen=chosen,
        france_link=f"/region/{FRANCE}" + state_query(_france_state(state)),
    )


def _france_state(state: AppState) -> AppState:
    """The France page's state: the same data, programme and language, nothing of the map."""
    return AppState(
        dataset=state.dataset,
        release=state.release,
        study=state.study,
        lang=state.lang,
    )


def view_refusal(context: DataContext, state: AppState) -> str | None:
    """Why ``/export/view.*`` has nothing to draw for ``state`` (None: the map has a value)."""
    values = region_values(context, state)
    if has_regional_value(values):
        return None
    query = state_query(state.model_copy(update={"embed": False}))
    if values.france is not None:
        chart = f"/export/chart/{NATIONAL_CHART}.png{query}"
        return t("export_national_only", state.lang, chart=chart)
    return t(
        "export_no_value",
        state.lang,
        france=f"/region/{FRANCE}" + state_query(_france_state(state)),
    )
