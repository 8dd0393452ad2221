"""The Carte's filter options for a state: every choice listed, the pointless ones disabled.

An option that would draw a map with no published value is not hidden: it is disabled, and its
``title`` (the tooltip) says why. Options are plain dicts in the form dropdowns take.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import VIEW_KEYS, DataContext
from dashboard.core.state import (
    AUTO_SCHEME,
    COMMUNE_LAYERS,
    FRANCE,
    MAP_LEVELS,
    AppState,
    state_from_json,
)
from dashboard.core.values import region_values
from dashboard.text.i18n import t
from dashboard.views.classification import SCHEMES
from dashboard.views.options import dataset_option, option
from phare.datasets import Dataset
from phare.published import NATIONAL

FILTERS = (
    "dataset",
    "study",
    "actor",
    "segment",
    "indicator",
    "fragility",
    "level",
    "show",
    "classes",
    "k",
)
ALL_DOMAINS = "ensemble"  # the fragility option for values given for all domains together
CLASS_COUNTS = range(2, 10)
NO_VIEWS = pd.DataFrame(columns=VIEW_KEYS)
DEFAULT_COMMUNE_REGION = "11"  # the commune level opens on one region, never all 34,746 at once


# What each filter's options depend on: a change elsewhere leaves them as they are.
VIEW_FIELDS = ("dataset", "study", "actor", "segment", "indicator", "fragility", "lang")
OPTION_DEPENDS_ON = {
    "dataset": ("lang",),
    "study": ("lang",),
    "actor": ("dataset", "study", "lang"),
    "segment": ("dataset", "study", "actor", "indicator", "lang"),
    "indicator": ("dataset", "study", "actor", "lang"),
    "fragility": ("dataset", "study", "actor", "indicator", "segment", "lang"),
    "level": ("lang",),
    "show": ("lang",),
    "classes": VIEW_FIELDS,  # diverging needs a France value for this very view
    "k": ("lang",),
}


def changed_options(before: AppState, after: AppState) -> tuple[str, ...]:
    """The filters whose options may differ between two states."""
    return tuple(
        name
        for name, fields in OPTION_DEPENDS_ON.items()
        if any(getattr(before, field) != getattr(after, field) for field in fields)
    )


def filter_options(
    context: DataContext, state: AppState, has_france: bool | None = None
) -> dict[str, list[dict]]:
    """Options of every filter. An option with only a national value is offered (the map's
    place then shows the national chart) and says so in its tooltip; one with no value at all,
    regional or national, is disabled with that reason.

    ``has_france``: whether the view has a France value, when the caller already knows."""
    lang = state.lang
    catalogue = context.catalogue
    found = Found(*views_with_values(context, state), lang)
    for_actor = found.where(actor=state.actor)
    for_indicator = for_actor.where(indicator=state.indicator)
    no_france = t("no_france_value", lang)
    if has_france is None:
        has_france = _has_france_value(context, state)
    return {
        "dataset": [dataset_option(key, ds, lang) for key, ds in context.datasets.items()],
        "study": [option(p.id, p.label(lang), True) for p in catalogue.programmes.values()],
        "actor": [found.option("actor", a.id, a.label(lang)) for a in catalogue.actors.values()],
        "segment": [
            for_indicator.option("segment", s.id, s.label(lang))
            for s in catalogue.segments.values()
            if s.actor in (None, state.actor)
        ],
        "indicator": [
            for_actor.option("indicator", i.id, i.label(lang))
            for i in catalogue.indicators.values()
        ],
        "fragility": _fragility_options(context, state, for_indicator.where(segment=state.segment)),
        "level": [option(level, t(f"level_{level}", lang), True) for level in MAP_LEVELS],
        "show": [option(layer, t(f"show_{layer}", lang), True) for layer in COMMUNE_LAYERS],
        "classes": [
            option(s, t(f"scheme_{s}", lang), s != "diverging" or has_france, no_france)
            for s in SCHEMES
        ],
        "k": [option(k, str(k), True) for k in CLASS_COUNTS],
    }


@dataclass(frozen=True, eq=False)
class Found:
    """The views with a regional value and those with a national one (:data:`VIEW_KEYS`)."""

    regional: pd.DataFrame
    national: pd.DataFrame
    lang: str

    def where(self, **keys: str) -> Found:
        def keep(rows: pd.DataFrame) -> pd.DataFrame:
            for name, value in keys.items():
                rows = rows[rows[name] == value]
            return rows

        return Found(keep(self.regional), keep(self.national), self.lang)

    def option(self, key: str, value: object, label: str) -> dict:
        """An option of the filter ``key``: offered when some view under it has a value; its
        tooltip says when that value is national only (:data:`ALL_DOMAINS`: an empty
        fragility, a value given for all domains together)."""
        if _has(self.regional[key], value):
            return option(value, label, True)
        if _has(self.national[key], value):
            return {**option(value, label, True), "title": t("national_only_option", self.lang)}
        return option(value, label, False, t("no_value_anywhere", self.lang))


def _has(column: pd.Series, value: object) -> bool:
    return bool(column.isna().any()) if value == ALL_DOMAINS else value in set(column.dropna())


def fragility_value(state: AppState) -> str:
    return state.fragility or ALL_DOMAINS


def state_from_filters(
    before: AppState, values: dict[str, object], context: DataContext
) -> AppState:
    """The state after a filter change, kept coherent: a segment of another actor becomes
    ``all``, and an indicator given for all domains only drops the fragility. ``values`` come
    from the browser: each unusable one takes its default."""
    changed = {**before.model_dump(mode="json"), **values}
    if changed.get("fragility") in (ALL_DOMAINS, None) or str(changed["fragility"]).startswith(
        "group:"
    ):
        changed["fragility"] = None
    catalogue = context.catalogue
    segment = catalogue.segments.get(str(changed.get("segment")))
    if segment is None or segment.actor not in (None, changed.get("actor")):
        changed["segment"] = "all"
    indicator = catalogue.indicators.get(str(changed.get("indicator")))
    if indicator is not None and not indicator.per_fragility:
        changed["fragility"] = None
    opens_communes = changed.get("level") == "commune" and before.level != "commune"
    if opens_communes and changed.get("territory") in (FRANCE, None):
        changed["territory"] = DEFAULT_COMMUNE_REGION
    state = _with_a_valued_fragility(context, state_from_json(changed, context.choices))
    if state.classes == "diverging" and not _has_france_value(context, state):
        state = state.model_copy(update={"classes": AUTO_SCHEME})
    return state


def _with_a_valued_fragility(context: DataContext, state: AppState) -> AppState:
    """An indicator given per fragility, on a fragility where it has no value at all (« all
    domains » kept from another indicator), opens on its first fragility with a regional
    value, else with a national one."""
    if not context.catalogue.indicators[state.indicator].per_fragility:
        return state
    found = Found(*views_with_values(context, state), state.lang).where(
        actor=state.actor, segment=state.segment, indicator=state.indicator
    )
    here = state.fragility or ALL_DOMAINS
    if _has(found.regional["fragility"], here) or _has(found.national["fragility"], here):
        return state
    for rows in (found.regional, found.national):
        present = set(rows["fragility"].dropna())
        first = next((f for f in context.catalogue.fragilities if f in present), None)
        if first is not None:
            return state.model_copy(update={"fragility": first})
    return state


def available_views(context: DataContext, dataset: Dataset, programme: str) -> pd.DataFrame:
    """(actor, segment, indicator, fragility) of every view with a regional value."""
    if dataset.regional_cells is None:
        return context.regional_views.get(programme, NO_VIEWS)
    return dataset.regional_cells.available


def views_with_values(context: DataContext, state: AppState) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(regional, national): :data:`VIEW_KEYS` of the views with a regional value, and of those
    with a national one, in the state's dataset and programme. Estimated data give France
    wherever they give a region."""
    dataset = context.dataset(state.dataset)
    regional = available_views(context, dataset, state.study)
    if dataset.kind != "published":
        return regional, regional
    published = context.published
    studies = [s.id for s in context.catalogue.studies.values() if s.programme == state.study]
    national = published["region_code"].eq(NATIONAL) & published["study"].isin(studies)
    return regional, published.loc[national, VIEW_KEYS]


def _has_france_value(context: DataContext, state: AppState) -> bool:
    return region_values(context, state).france is not None


def _fragility_options(context: DataContext, state: AppState, found: Found) -> list[dict]:
    """ "All domains", then the 16 fragilities under their group's heading."""
    catalogue = context.catalogue
    lang = state.lang
    if not catalogue.indicators[state.indicator].per_fragility:
        return [option(ALL_DOMAINS, t("all_domains", lang), True)]
    options = [found.option("fragility", ALL_DOMAINS, t("all_domains", lang))]
    for group in catalogue.fragility_groups.values():
        options.append(
            {"label": f"— {group.label(lang)} —", "value": f"group:{group.id}", "disabled": True}
        )
        options += [
            found.option("fragility", f.id, f.label(lang))
            for f in catalogue.fragilities.values()
            if f.group == group.id
        ]
    return options
