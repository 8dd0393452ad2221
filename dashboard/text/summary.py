"""One sentence that says what the map shows, for screen readers and for a hurried reader.

« Partenariats source d'innovation — Maires : 77 % en Normandie et en Auvergne-Rhône-Alpes,
100 % en Occitanie ; non publié pour les 10 autres régions. » Every valued region is named
when few values are drawn (grouped by the value shown, lowest first); with more distinct
values than :data:`MAX_NAMED_VALUES`, the sentence gives the range and where its ends are.
Regions without a value are counted by status, never given a number. The France value, when
the data has one, closes the sentence. A commune map is summed up by its legend instead
(:func:`legend_summary`). Pure: frames and catalogue in, text out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from dashboard.core.values import RegionValues
from dashboard.text.hover import value_label
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from phare.catalogue import Catalogue
from phare.selection import OK
from phare.weighted import PRUDENCE

MAX_NAMED_VALUES = 4
SHOWN_STATUSES = (OK, PRUDENCE)  # a region with one of these statuses has its value drawn


def map_summary(
    title: str, values: RegionValues, catalogue: Catalogue, unit: str | None, lang: str
) -> str:
    """The sentence for the regional values of one view (whatever the map's level)."""
    regions = values.regions
    shown, missing = [], Counter()
    for code, value, status in zip(
        regions["code"], regions["value"], regions["status"], strict=True
    ):
        if status in SHOWN_STATUSES and pd.notna(value):
            shown.append((code, float(value)))
        else:
            missing[status] += 1
    parts = [_valued(shown, catalogue, unit, lang)] if shown else []
    if clause := _missing(missing, catalogue, others=bool(shown), lang=lang):
        parts.append(clause)
    if values.france is not None:
        parts.append(t("france_value", lang, value=value_label(values.france, unit, lang)))
    return _labelled(title, lang) + _clauses(parts, lang) + "."


def legend_summary(title: str, entries: Iterable[tuple[str, int]], lang: str) -> str:
    """The sentence of a commune map: each legend entry (label, number of communes)."""
    parts = [
        t("summary_communes", lang, label=label, n=format_count(count, lang))
        for label, count in entries
        if count
    ]
    return _labelled(title, lang) + _clauses(parts, lang) + "."


def _labelled(title: str, lang: str) -> str:
    return title + (" : " if lang == "fr" else ": ")


def _clauses(parts: list[str], lang: str) -> str:
    return (" ; " if lang == "fr" else "; ").join(parts)


def _valued(
    shown: list[tuple[str, float]], catalogue: Catalogue, unit: str | None, lang: str
) -> str:
    """``shown``: (region code, value) of each valued region."""
    codes_by_label: dict[str, list[str]] = {}  # lowest value first
    for code, value in sorted(shown, key=lambda row: row[1]):
        codes_by_label.setdefault(value_label(value, unit, lang), []).append(code)
    if len(codes_by_label) <= MAX_NAMED_VALUES:
        return ", ".join(
            f"{label} {_places(codes, catalogue, lang)}" for label, codes in codes_by_label.items()
        )
    low, *_, high = codes_by_label
    return t(
        "summary_range",
        lang,
        low=low,
        low_place=_places(codes_by_label[low], catalogue, lang),
        high=high,
        high_place=_places(codes_by_label[high], catalogue, lang),
        n=len(shown),
    )


def _places(codes: list[str], catalogue: Catalogue, lang: str) -> str:
    """« en Normandie et en Corse », "in Normandie and in Corse"."""
    located = [catalogue.regions[code].located(lang) for code in codes]
    if len(located) == 1:
        return located[0]
    return ", ".join(located[:-1]) + t("and", lang) + located[-1]


def _missing(counts: Counter, catalogue: Catalogue, *, others: bool, lang: str) -> str:
    """« non publié pour les 10 autres régions », one clause per status, in table order
    (``counts``: regions without a drawn value, by status)."""
    clauses = []
    for status in catalogue.statuses.values():
        count = counts.get(status.id, 0)
        if count == 0:
            continue
        key = "summary_missing_other" if others else "summary_missing"
        if count == 1:
            key += "_one"
        clauses.append(t(key, lang, status=status.label(lang), n=count))
    return _clauses(clauses, lang)
