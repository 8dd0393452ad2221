"""The Carte's filters in one line, for the folded « Filtres » control on a phone.

« Maires · Partenariats source d'innovation · Régions »: what the map shows, in the order of the
filters, leaving out the choices a reader did not make (the published data, all segments, all
domains, the default classes).
"""

from __future__ import annotations

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.text.i18n import t
from dashboard.views.options import dataset_option

SEPARATOR = " · "
DEFAULT_DATASET = AppState().dataset


def filter_summary(context: DataContext, state: AppState) -> str:
    """The current choices of the Carte's filters, joined by « · »."""
    catalogue = context.catalogue
    lang = state.lang
    parts = []
    dataset = context.datasets.get(state.dataset)
    if state.dataset != DEFAULT_DATASET and dataset is not None:
        parts.append(dataset_option(state.dataset, dataset, lang)["label"])
    parts.append(catalogue.actors[state.actor].label(lang))
    if state.segment != "all" and state.segment in catalogue.segments:
        parts.append(catalogue.segments[state.segment].label(lang))
    parts.append(catalogue.indicators[state.indicator].label(lang))
    if state.fragility in catalogue.fragilities:
        parts.append(catalogue.fragilities[state.fragility].label(lang))
    parts.append(t(f"level_{state.level}", lang))
    if state.level == "commune":
        parts.append(t(f"show_{state.show}", lang))
    return SEPARATOR.join(parts)
