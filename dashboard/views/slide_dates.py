"""The « Date » line of a slide: when the fieldwork behind the figures took place.

A date, never a release id (the release has its own line). Published figures give their
studies' fieldwork as the catalogue states it. Simulated data have no fieldwork of their own:
they are drawn to land on the published figures of the programme's studies
(:mod:`phare.simulate`), so the line says they are simulated and which studies, of which
date, they stand for. Other imported microdata: the date is not stated.
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.core.context import DataContext
from dashboard.text.i18n import t
from phare.datasets import Dataset


def fieldwork_date(
    context: DataContext,
    dataset: Dataset,
    studies: Iterable[object],
    actors: Iterable[str],
    programme: str,
    lang: str,
) -> str:
    """The slide's date: ``studies`` (ids of the published figures shown) with their fieldwork,
    or for simulated data, the ``programme``'s studies of ``actors`` that it is modelled on."""
    if dataset.simulated:
        modelled = modelled_studies(context, actors, programme)
        dated = dated_studies(context, modelled, lang)
        return t("simulated_fieldwork", lang, studies=dated) if dated else t("not_stated", lang)
    if dataset.kind != "published":
        return t("not_stated", lang)
    return dated_studies(context, studies, lang) or t("not_stated", lang)


def modelled_studies(context: DataContext, actors: Iterable[str], programme: str) -> list[str]:
    """The ``programme``'s studies with published figures for ``actors``, in catalogue order."""
    published = context.published
    cited = set(published.loc[published["actor"].isin(list(actors)), "study"])
    return [
        study.id
        for study in context.catalogue.studies.values()
        if study.programme == programme and study.id in cited
    ]


def dated_studies(context: DataContext, studies: Iterable[object], lang: str) -> str:
    """« PHARE-Citoyens (septembre 2015) ; PHARE-Institutions (non précisé par la source) »:
    the studies, each once, in order, with their fieldwork as the catalogue states it."""
    catalogue = context.catalogue
    known = (
        catalogue.studies[study]
        for study in dict.fromkeys(studies)
        if isinstance(study, str) and study in catalogue.studies
    )
    separator = " ; " if lang == "fr" else "; "
    return separator.join(
        f"{study.label(lang)} ({study.fieldwork(lang) or t('not_stated', lang)})" for study in known
    )
