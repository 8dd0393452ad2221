"""What the profile pages write about a row: value, interval, rank, significance, caption.

Plain strings, the same for a chart's hover, its table and its caption, so that the table
under a chart always shows the chart's numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
from babel.numbers import format_decimal

from dashboard.text.hover import value_label
from dashboard.text.i18n import labelled, t
from dashboard.text.numbers import LOCALES, format_count
from dashboard.text.sources import source_text
from phare.catalogue import Catalogue
from phare.comparisons import rank_label
from phare.datasets import Dataset
from phare.selection import NOT_PUBLISHED, OK
from phare.weighted import PRUDENCE

ABOVE_MARK, BELOW_MARK = "▲", "▼"


def status_labels(catalogue: Catalogue, lang: str, *, estimated: bool) -> dict[str, str]:
    """Each status in words; a value estimated from microdata is « estimé », never « publié »."""
    labels = {status.id: status.label(lang) for status in catalogue.statuses.values()}
    if estimated:
        labels[OK] = t("commune_estimated", lang)
    return labels


def cell_text(value: float, status: str, unit: str, catalogue: Catalogue, lang: str) -> str:
    """The value as shown (87 %, 6,5), or the status that stands for it ("non publié")."""
    if _missing(value):
        return catalogue.statuses[status if status in catalogue.statuses else NOT_PUBLISHED].label(
            lang
        )
    text = value_label(value, unit, lang)
    return f"{text} ({t('caution_short', lang)})" if status == PRUDENCE else text


def interval_text(low: float, high: float, unit: str, lang: str) -> str:
    """ "6,9 – 7,4"; for ``unit="gap"`` signed differences ("−0,4 – +1,2")."""
    if _missing(low) or _missing(high):
        return ""
    if unit == "gap":
        return f"{gap_text(low, lang)} – {gap_text(high, lang)}"
    return f"{value_label(low, unit, lang)} – {value_label(high, unit, lang)}"


def gap_text(value: float, lang: str) -> str:
    """A difference of mean scores with its sign: "+1,6", "−0,5" (typographic minus)."""
    if _missing(value):
        return t("not_published", lang)
    text = format_decimal(abs(round(value, 1)), format="#,##0.0", locale=LOCALES[lang])
    return ("−" if round(value, 1) < 0 else "+") + text


def significance_mark(row: pd.Series) -> str:
    """▲ / ▼ where the data layer's corrected test says the region differs from France."""
    if row["significant"] is not True or _missing(row["value"]) or _missing(row["france"]):
        return ""
    return ABOVE_MARK if row["value"] > row["france"] else BELOW_MARK


def significance_text(row: pd.Series, lang: str) -> str:
    mark = significance_mark(row)
    if mark:
        return t("above_france" if mark == ABOVE_MARK else "below_france", lang)
    if row["significant"] is False:
        return t("no_difference", lang)
    return t("not_tested", lang)


def rank_text(row: pd.Series, lang: str) -> str:
    """ "3e–7e sur 13" where the region has a value; "" otherwise."""
    if _missing(row["value"]) or _missing(row["best_rank"]):
        return ""
    return t(
        "rank_of", lang, rank=rank_label(row["best_rank"], row["worst_rank"], lang), n=row["ranked"]
    )


def base_text(values: Iterable[float], lang: str) -> str:
    """ "1 012 répondants", "de 812 à 1 020 répondants selon la ligne" or "effectif non publié"."""
    bases = sorted({int(n) for n in values if not _missing(n)})
    if not bases:
        return t("base_not_published", lang)
    if len(bases) == 1:
        return t("respondents", lang, n=format_count(bases[0], lang))
    return t(
        "respondents_by_row",
        lang,
        low=format_count(bases[0], lang),
        high=format_count(bases[-1], lang),
    )


def study_text(studies: Iterable[object], catalogue: Catalogue, lang: str = "fr") -> str:
    names = [
        catalogue.studies[study].citation(lang)
        for study in studies
        if isinstance(study, str) and study in catalogue.studies
    ]
    return " ; ".join(dict.fromkeys(names))


def caption_text(
    rows: pd.DataFrame, question: str, release: str, catalogue: Catalogue, lang: str
) -> str:
    """Source, study, question, base and release of a chart, as one paragraph."""
    credits = (source_text(source, lang) for source in rows["source"] if source)
    sources = " ; ".join(dict.fromkeys(credits)) or t("not_published", lang)
    parts = [labelled("source", lang) + sources]
    studies = study_text(rows["study"], catalogue, lang)
    if studies:
        parts.append(labelled("study_label", lang) + studies)
    fieldwork = fieldwork_text(rows["study"], catalogue, lang)
    if fieldwork:
        parts.append(labelled("fieldwork_col", lang) + fieldwork)
    parts += [
        labelled("question", lang) + question,
        labelled("base", lang) + base_text(rows.loc[rows["status"] != NOT_PUBLISHED, "n"], lang),
        release,
    ]
    return " — ".join(parts)


def fieldwork_text(studies: Iterable[object], catalogue: Catalogue, lang: str = "fr") -> str:
    """When the studies' fieldwork took place (a date, never a release id): "septembre 2015",
    or "PHARE-Citoyens : septembre 2015 ; PHARE-Entreprises : octobre 2015" for several; a
    study whose sources do not state it is said so ("non précisé par la source"), and no
    study at all gives ""."""
    dated = {
        catalogue.studies[study].citation(lang): catalogue.studies[study].fieldwork(lang)
        or t("not_stated", lang)
        for study in studies
        if isinstance(study, str) and study in catalogue.studies
    }
    if len(dated) == 1:
        return next(iter(dated.values()))
    separator = " : " if lang == "fr" else ": "
    return " ; ".join(f"{name}{separator}{when}" for name, when in dated.items())


def release_text(dataset: Dataset, lang: str) -> str:
    """Which data a page shows: "Données publiées, version …" or "Estimations pondérées, …"."""
    key = "release" if dataset.kind == "published" else "release_estimated"
    return t(key, lang, release=dataset.id)


def is_shown(row: pd.Series) -> bool:
    return row["status"] in (OK, PRUDENCE) and not _missing(row["value"])


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
