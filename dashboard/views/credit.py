"""The credit line (« Copier la mention »): what a journalist pastes under a figure quoted from
the dashboard.

It names the publisher and the programme, each study drawn with its institute and fieldwork,
the source documents, the data release, and ends with the link to the exact view (added by the
share bar, which holds the permalink). Every part comes from the catalogue or the data: a part
no source states is left out, never guessed; simulated data say so first.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.text.cells import release_text
from dashboard.text.i18n import t
from dashboard.views.donnees_sources import studies_in_view
from dashboard.views.france import france_figures
from dashboard.views.region import region_profile
from phare.catalogue import Study


def credit_text(
    context: DataContext, state: AppState, studies: Iterable[str], sources: Iterable[str]
) -> str:
    """« Observatoire des partenariats, Programme PHARE (2015-2016) : PHARE-Citoyens
    (COMISIS – OpinionWay, terrain : septembre 2015). Source : … Données publiées, version … »
    for ``studies`` (ids, in order, each once) and ``sources`` (credit lines, each once)."""
    lang = state.lang
    catalogue = context.catalogue
    dataset = context.dataset(state.dataset)
    surveyed = [
        study_credit(catalogue.studies[study], lang)
        for study in dict.fromkeys(studies)
        if study in catalogue.studies
    ]
    separator = " : " if lang == "fr" else ": "
    programme = catalogue.programmes[state.study].label(lang)
    parts = [
        t("credit_publisher", lang)
        + ", "
        + programme
        + (separator + " ; ".join(surveyed) if surveyed else "")
    ]
    # simulated rows cite the simulation itself, which the credit says first in the page's words
    cited = [] if dataset.simulated else [source for source in dict.fromkeys(sources) if source]
    if cited:
        parts.append(t("credit_sources", lang, sources=" ; ".join(cited)))
    parts.append(release_text(dataset, lang))
    if dataset.simulated:
        parts.insert(0, t("credit_line_simulated", lang))
    return ". ".join(part.rstrip(".") for part in parts) + "."


def study_credit(study: Study, lang: str) -> str:
    """« PHARE-Citoyens (COMISIS – OpinionWay, terrain : septembre 2015) », without the parts
    the catalogue does not state."""
    fieldwork = study.fieldwork(lang)
    details = [
        *([study.institute] if study.institute else []),
        *([t("credit_fieldwork", lang, when=fieldwork)] if fieldwork else []),
    ]
    return study.citation(lang) + (f" ({', '.join(details)})" if details else "")


def view_credit(context: DataContext, state: AppState, sources: Iterable[str]) -> str:
    """The credit of one view of the Carte: the studies its published values come from."""
    return credit_text(context, state, sorted(studies_in_view(context, state)), sources)


def rows_credit(context: DataContext, state: AppState, frames: Iterable[pd.DataFrame]) -> str:
    """The credit of a page drawing ``frames`` (rows with ``value``, ``study`` and ``source``
    columns, and ``france`` where a region's row carries France's value): the studies and
    sources of every row with a value, in the page's order."""
    studies: list[str] = []
    sources: list[str] = []
    for frame in frames:
        valued = frame["value"].notna()
        if "france" in frame:
            valued |= frame["france"].notna()
        studies += [s for s in frame.loc[valued, "study"] if isinstance(s, str)]
        sources += [s for s in frame.loc[valued, "source"] if isinstance(s, str)]
    return credit_text(context, state, studies, sources)


def profile_credit(context: DataContext, state: AppState, region: str) -> str:
    """The credit of a region's profile (and of a commune's, which shows its region's)."""
    profile = region_profile(context, state, region)
    frames = [*profile.fragilities.values(), profile.partnership, profile.mayors]
    return rows_credit(context, state, frames)


def france_credit(context: DataContext, state: AppState) -> str:
    """The credit of the France page: every national figure it draws."""
    figures = france_figures(context, state)
    return rows_credit(context, state, [figures.scores, figures.shares, figures.key_figures])
