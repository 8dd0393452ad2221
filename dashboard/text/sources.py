"""Where a value comes from, as each language reads it: the source of a value, and the source
lines under a map, a table or a slide.

A published figure's source is the credit of a document (publisher, title, date): a name, shown
as published whatever the page's language. Estimates from simulated data carry the data layer's
one French label instead (``phare.datasets.SIMULATED_LABEL``, « données simulées »): that label
is words, not a name, so the English pages say it in English.
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.text.i18n import t
from phare.catalogue import Catalogue, Study
from phare.datasets import SIMULATED_LABEL, Dataset

PUBLISHER = "Observatoire des partenariats"
PROGRAMME = "PHARE"  # what estimates from microdata draw on: the programme, not one study


def source_text(source: str, lang: str) -> str:
    """``source`` as the page shows it: a credit unchanged, the simulated-data label translated."""
    return t("simulated_source", lang) if source == SIMULATED_LABEL else source


def study_credit(study: Study, lang: str) -> str:
    """The study as a source line names it: "PHARE-Citoyens (COMISIS – OpinionWay, septembre
    2015)"."""
    details = ", ".join(part for part in (study.institute, study.fieldwork(lang)) if part)
    return f"{study.label(lang)} ({details})" if details else study.label(lang)


def source_line(credit: str, study: Study | None, lang: str) -> str:
    """« Observatoire des partenariats, <study> ; <credit> »: ``study`` is a published figure's
    study, None for estimates (the programme)."""
    name = PROGRAMME if study is None else study_credit(study, lang)
    return f"{PUBLISHER}, {name} ; {credit}"


def source_lines(
    studies: Iterable[object],
    credits: Iterable[str],
    catalogue: Catalogue,
    dataset: Dataset,
    lang: str,
) -> tuple[str, ...]:
    """The lines of the values shown (their ``studies`` and ``credits``, row by row): one per
    study and credit of published figures, in order of appearance; for estimates, the one line
    of the dataset they come from."""
    if dataset.kind != "published":
        return (source_line(source_text(dataset.label, lang), None, lang),)
    lines = (
        source_line(credit, catalogue.studies[study], lang)
        for study, credit in zip(studies, credits, strict=True)
        if isinstance(study, str)
    )
    return tuple(dict.fromkeys(lines))
