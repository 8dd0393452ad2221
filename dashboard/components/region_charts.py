"""A region profile's charts rebuilt from the state for their files
(``/export/chart/<id>.png|svg|csv?territory=<region>``): each actor's 16 fragilities, the
partnership and mayors' indicators (the region's values beside France's), and the gaps between
actors for the state's fragility (its file holds the actors' scores the gaps come from).

The region is the state's ``territory`` (the profile's links set it: the commune profile shows
its region's charts under the same ids). A territory that is not a region, or a chart the
region has no value of its own for, gives None: the profile draws France's charts there, with
their own links (:mod:`dashboard.components.france`).
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.components.chart_export import ChartExport
from dashboard.components.region import (
    FRAGILITIES_PREFIX,
    INDICATORS_PREFIX,
    fragility_figure,
    indicators_figure,
)
from dashboard.components.region_crossed import GAPS_CHART, gap_figure
from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.chart_rows import territory_chart_rows
from dashboard.views.region import (
    PROFILE_ACTORS,
    SCORE,
    RegionProfile,
    gaps_for,
    has_regional_value,
    region_profile,
)

SECTIONS = ("partnership", "mayors")


def chart_ids(context: DataContext) -> tuple[str, ...]:
    """Every chart a region profile can draw of the region's own values."""
    return (
        *(f"{FRAGILITIES_PREFIX}{actor}" for actor in PROFILE_ACTORS),
        *(f"{INDICATORS_PREFIX}{kind}" for kind in SECTIONS),
        GAPS_CHART,
    )


def chart_export(context: DataContext, state: AppState, chart_id: str) -> ChartExport | None:
    """The chart ``chart_id`` of the profile of the state's region (None: not a region, or no
    value of the region's own in that chart)."""
    region = state.territory
    if region not in context.catalogue.regions:
        return None
    profile = region_profile(context, state, region)
    if chart_id.startswith(FRAGILITIES_PREFIX):
        return _fragilities(context, state, profile, chart_id.removeprefix(FRAGILITIES_PREFIX))
    if chart_id.startswith(INDICATORS_PREFIX):
        return _indicators(context, state, profile, chart_id.removeprefix(INDICATORS_PREFIX))
    if chart_id == GAPS_CHART:
        return _gaps(context, state, profile)
    return None


def _fragilities(
    context: DataContext, state: AppState, profile: RegionProfile, actor: str
) -> ChartExport | None:
    rows = profile.fragilities.get(actor)
    if rows is None or not has_regional_value(rows):
        return None
    lang = state.lang
    catalogue = context.catalogue
    dataset = context.dataset(state.dataset)
    title = t(
        "region_chart_fragilities",
        lang,
        actor=catalogue.actors[actor].label(lang).lower(),
        region=catalogue.regions[profile.region].name,
    )
    figure = fragility_figure(
        context, state, profile.region, rows, release_text(dataset, lang), dataset.simulated
    )
    views = [(actor, SCORE, fragility) for fragility in rows["fragility"]]
    return _export(
        context, state, profile.region, f"{FRAGILITIES_PREFIX}{actor}", title, figure, views
    )


def _indicators(
    context: DataContext, state: AppState, profile: RegionProfile, kind: str
) -> ChartExport | None:
    rows = getattr(profile, kind) if kind in SECTIONS else None
    if rows is None or rows.empty or not has_regional_value(rows):
        return None
    lang = state.lang
    dataset = context.dataset(state.dataset)
    title = t(
        "region_chart_indicators",
        lang,
        section=t(f"profile_{kind}", lang),
        region=context.catalogue.regions[profile.region].name,
    )
    figure = indicators_figure(
        context, state, profile.region, rows, release_text(dataset, lang), dataset.simulated
    )
    views = [
        (actor, indicator, fragility if isinstance(fragility, str) else None)
        for actor, indicator, fragility in zip(
            rows["actor"], rows["indicator"], rows["fragility"], strict=True
        )
    ]
    return _export(
        context, state, profile.region, f"{INDICATORS_PREFIX}{kind}", title, figure, views
    )


def _gaps(context: DataContext, state: AppState, profile: RegionProfile) -> ChartExport | None:
    """The gaps of the state's fragility (the first one without), its scores in the file."""
    catalogue = context.catalogue
    fragility = state.fragility or next(iter(catalogue.fragilities))
    if fragility not in catalogue.fragilities or gaps_for(profile, fragility)["gap"].isna().all():
        return None
    lang = state.lang
    dataset = context.dataset(state.dataset)
    title = t(
        "region_chart_gaps",
        lang,
        fragility=catalogue.fragilities[fragility].label(lang),
        region=catalogue.regions[profile.region].name,
    )
    figure = gap_figure(
        context, state, profile, fragility, release_text(dataset, lang), dataset.simulated
    )
    views = [(actor, SCORE, fragility) for actor in PROFILE_ACTORS]
    exported = _export(context, state, profile.region, GAPS_CHART, title, figure, views)
    return replace(exported, name=(profile.region, fragility))


def _export(context, state, region, chart_id, title, figure, views) -> ChartExport:
    """The chart with the region's rows, then France's, its link back to the profile."""
    return ChartExport(
        chart_id=chart_id,
        title=title,
        figure=figure,
        rows=territory_chart_rows(context, state, (region, FRANCE), views),
        page=f"/region/{region}",
        name=(region,),
    )
