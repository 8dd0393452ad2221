"""The Carte's filter options for a state: every choice listed, the pointless ones disabled.

An option that would draw a map with no published value is not hidden: it is disabled, and its
``title`` (the tooltip) says why. Options are plain dicts in the form dropdowns take.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.context import VIEW_KEYS, DataContext
from dashboard.core.state import COMMUNE_LAYERS, FRANCE, MAP_LEVELS, AppState, state_from_json
from dashboard.core.values import region_values
from dashboard.text.i18n import t
from dashboard.views.classification import SCHEMES
from dashboard.views.options import dataset_option, option
from phare.datasets import Dataset

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
    """Options of every filter; each option is disabled when it leads to no regional value.

    ``has_france``: whether the view has a France value, when the caller already knows."""
    lang = state.lang
    catalogue = context.catalogue
    regional = available_views(context, context.dataset(state.dataset), state.study)
    for_actor = regional[regional["actor"] == state.actor]
    for_indicator = for_actor[for_actor["indicator"] == state.indicator]
    for_segment = for_indicator[for_indicator["segment"] == state.segment]
    reason = t("no_regional_value", lang)
    no_france = t("no_france_value", lang)
    if has_france is None:
        has_france = _has_france_value(context, state)
    return {
        "dataset": [dataset_option(key, ds, lang) for key, ds in context.datasets.items()],
        "study": [option(p.id, p.label(lang), True) for p in catalogue.programmes.values()],
        "actor": [
            option(a.id, a.label(lang), a.id in set(regional["actor"]), reason)
            for a in catalogue.actors.values()
        ],
        "segment": [
            option(s.id, s.label(lang), s.id in set(for_indicator["segment"]), reason)
            for s in catalogue.segments.values()
            if s.actor in (None, state.actor)
        ],
        "indicator": [
            option(i.id, i.label(lang), i.id in set(for_actor["indicator"]), reason)
            for i in catalogue.indicators.values()
        ],
        "fragility": _fragility_options(context, state, for_segment, reason),
        "level": [option(level, t(f"level_{level}", lang), True) for level in MAP_LEVELS],
        "show": [option(layer, t(f"show_{layer}", lang), True) for layer in COMMUNE_LAYERS],
        "classes": [
            option(s, t(f"scheme_{s}", lang), s != "diverging" or has_france, no_france)
            for s in SCHEMES
        ],
        "k": [option(k, str(k), True) for k in CLASS_COUNTS],
    }


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
    state = state_from_json(changed, context.choices)
    if state.classes == "diverging" and not _has_france_value(context, state):
        state = state.model_copy(update={"classes": "fixed"})
    return state


def available_views(context: DataContext, dataset: Dataset, programme: str) -> pd.DataFrame:
    """(actor, segment, indicator, fragility) of every view with a regional value."""
    if dataset.regional_cells is None:
        return context.regional_views.get(programme, NO_VIEWS)
    return dataset.regional_cells.available


def _has_france_value(context: DataContext, state: AppState) -> bool:
    return region_values(context, state).france is not None


def _fragility_options(
    context: DataContext, state: AppState, rows: pd.DataFrame, reason: str
) -> list[dict]:
    """ "All domains", then the 16 fragilities under their group's heading."""
    catalogue = context.catalogue
    lang = state.lang
    if not catalogue.indicators[state.indicator].per_fragility:
        return [option(ALL_DOMAINS, t("all_domains", lang), True)]
    present = set(rows["fragility"].dropna())
    options = [option(ALL_DOMAINS, t("all_domains", lang), rows["fragility"].isna().any(), reason)]
    for group in catalogue.fragility_groups.values():
        options.append(
            {"label": f"— {group.label(lang)} —", "value": f"group:{group.id}", "disabled": True}
        )
        options += [
            option(f.id, f.label(lang), f.id in present, reason)
            for f in catalogue.fragilities.values()
            if f.group == group.id
        ]
    return options
