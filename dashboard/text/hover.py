"""The lines a map hover shows for a region: value and interval, bases, status, significance
against France, question and source, and « données simulées » when so.

Lines are plain text; the figure builders escape them before Plotly renders them.
"""

from __future__ import annotations

import math
import textwrap
from functools import lru_cache

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.core.values import RegionValues
from dashboard.text.i18n import labelled, t
from dashboard.text.numbers import format_count, format_value, rounded
from dashboard.text.sources import source_text
from phare.weighted import PRUDENCE

QUESTION_WIDTH = 60


def value_label(value: float, unit: str | None, lang: str) -> str:
    """A value as readers expect it on a map: 87 %, 6,5 (rounded to what the unit deserves)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _formatted(rounded(value, unit), unit or "", lang)


@lru_cache(maxsize=8192)
def _formatted(value: float, unit: str, lang: str) -> str:
    """Babel's formatting costs ~50 µs; a map repeats a few rounded values thousands of times."""
    return format_value(value, unit, lang)


def region_details(
    context: DataContext, state: AppState, values: RegionValues, simulated: bool
) -> list[tuple[str, ...]]:
    """The hover lines of each row of ``values.regions``, in order."""
    lang = state.lang
    catalogue = context.catalogue
    unit = catalogue.indicators[state.indicator].unit
    statuses = {status.id: status.label(lang) for status in catalogue.statuses.values()}
    common = _question_lines(catalogue.indicators[state.indicator].question(lang), lang)
    france = values.france
    lines = []
    for row in values.regions.itertuples(index=False):
        own = [
            _value_line(row, unit, statuses, context, lang),
            _base_line(row, lang),
            *([statuses[PRUDENCE]] if row.status == PRUDENCE else []),
            *_significance_line(row, france, unit, lang),
            *common,
            *([labelled("source", lang) + source_text(row.source, lang)] if row.source else []),
            *([t("simulated", lang)] if simulated else []),
        ]
        lines.append(tuple(line for line in own if line))
    return lines


def _value_line(row, unit: str, statuses: dict[str, str], context: DataContext, lang: str) -> str:
    if pd.isna(row.value):
        return statuses.get(row.status, row.status)
    text = value_label(row.value, unit, lang)
    if not pd.isna(row.ci_low):
        low, high = value_label(row.ci_low, unit, lang), value_label(row.ci_high, unit, lang)
        text += " " + t("interval", lang, low=low, high=high)
    if isinstance(row.joint_with, str):
        names = [context.catalogue.regions[code].name for code in row.joint_with.split(",")]
        text += f" ({t('joint', lang, names=t('and', lang).join(names))})"
    return text


def _base_line(row, lang: str) -> str:
    if pd.isna(row.n):
        return labelled("base", lang) + t("base_not_published", lang)
    text = "n = " + format_count(int(row.n), lang)
    if not pd.isna(row.n_eff):
        text += " " + t("effective_n", lang, n=format_count(round(row.n_eff), lang))
    return text


def _significance_line(row, france: float | None, unit: str, lang: str) -> list[str]:
    if france is None or row.significant is None or pd.isna(row.value):
        return []
    reference = value_label(france, unit, lang)
    if not row.significant:
        return [t("not_significant", lang, france=reference)]
    key = "significantly_above" if row.value > france else "significantly_below"
    return [t(key, lang, france=reference)]


def _question_lines(question: str, lang: str) -> list[str]:
    return textwrap.wrap(labelled("question", lang) + question, QUESTION_WIDTH)
