"""The Carte's filter panel: one labelled dropdown per filter, keyboard-usable."""

from __future__ import annotations

from dash import html

from dashboard.components.dropdown import labelled_dropdown
from dashboard.core.state import AppState
from dashboard.text.i18n import t
from dashboard.views.carte_filters import FILTERS, fragility_value


def filter_panel(options: dict[str, list[dict]], state: AppState) -> html.Section:
    values = {**state.model_dump(), "fragility": fragility_value(state)}
    fields = [
        labelled_dropdown(
            name,
            t(name, state.lang),
            state.lang,
            options=options[name],
            value=values[name],
            clearable=False,
            searchable=name in ("indicator", "fragility"),
            className="filter",
        )
        for name in FILTERS
    ]
    return html.Section(fields, className="filters", **{"aria-label": t("filters", state.lang)})
