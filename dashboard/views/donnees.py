"""The table behind the current view, as plain data: no Dash, no files.

The 13 regions and France of the view, numbers both raw and in French formats, with the texts
every copy of them carries (caption, question, base, sources, release). The Données &
méthodologie page (``dashboard/pages/donnees.py``) shows it and the CSV export
(``dashboard/exports/csv.py``) writes the same rows, so the page, the file and the map always
agree. What the page says around the table (studies, question, rules, credits, release) is in
:mod:`dashboard.views.donnees_sources`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.core.values import view_values
from dashboard.text.cells import fieldwork_text, status_labels
from dashboard.text.hover import value_label
from dashboard.text.i18n import TEXT, labelled, t
from dashboard.text.numbers import format_count
from dashboard.text.sources import source_line, source_text
from dashboard.views.carte import map_view
from phare.published import NATIONAL

PUBLISHED_KIND = "published"


@dataclass(frozen=True)
class ViewLabels:
    """The view's choices in words, as every exported row repeats them."""

    indicator: str
    fragility: str  # "" when the indicator is not given per fragility
    actor: str
    segment: str


@dataclass(frozen=True)
class ViewTable:
    """The numbers of the current view and the texts every copy of them carries."""

    caption: str  # which view: indicator, fragility, actor, segment, dataset
    labels: ViewLabels
    question: str
    base: str
    sources: tuple[str, ...]
    release: str
    release_id: str  # the immutable id a permalink pins (``release=``)
    simulated: bool
    unit: str  # the unit as readers read it ("%", "note sur 10")
    regions: tuple[dict, ...]  # one row per surveyed region, catalogue order (see _row)
    france: dict  # the same row for France
    unit_id: str  # the catalogue's unit ("pct", "score_1_10"): how its values are rounded
    published: bool  # published figures (True) or estimates from microdata


def view_table(context: DataContext, state: AppState) -> ViewTable:
    """The regions and France of ``state``'s view (whatever its map level: regions)."""
    lang = state.lang
    view = map_view(context, state.model_copy(update={"level": "region"}))
    frame = view_values(context, state)
    unit = context.catalogue.indicators[state.indicator].unit
    is_france = frame["code"] == NATIONAL
    france_values = frame.loc[is_france, "value"].dropna()
    france = float(france_values.iloc[0]) if not france_values.empty else None
    published = context.dataset(state.dataset).kind == PUBLISHED_KIND
    labels = status_labels(context.catalogue, lang, estimated=not published)
    rows = [
        _row(context, record, unit, france, labels, lang) for record in frame.to_dict("records")
    ]
    return ViewTable(
        caption=view_caption(context, state),
        labels=view_labels(context, state),
        question=view.question,
        base=view.base,
        sources=(*view.sources, *_france_source(context, frame[is_france], view.sources, lang)),
        release=view.release,
        release_id=context.dataset(state.dataset).id,
        simulated=view.simulated,
        unit=_unit_label(context, state),
        regions=tuple(row for row, national in zip(rows, is_france, strict=True) if not national),
        france=next(row for row, national in zip(rows, is_france, strict=True) if national),
        unit_id=unit,
        published=published,
    )


def _france_source(
    context: DataContext, france: pd.DataFrame, lines: tuple[str, ...], lang: str
) -> tuple[str, ...]:
    """The France figure's source when the map's lines (regions only) do not already name it."""
    if france.empty or pd.isna(france["value"].iloc[0]) or not france["source"].iloc[0]:
        return ()
    credit, study_id = france["source"].iloc[0], france["study"].iloc[0]
    if any(line.endswith(credit) for line in lines):
        return ()
    if not isinstance(study_id, str):  # microdata: the dataset's line already covers France
        return ()
    return (source_line(credit, context.catalogue.studies[study_id], lang) + " (France)",)


def _unit_label(context: DataContext, state: AppState) -> str:
    unit = context.catalogue.unit_of(state.indicator)
    return unit.label(state.lang)


def view_labels(context: DataContext, state: AppState) -> ViewLabels:
    catalogue, lang = context.catalogue, state.lang
    indicator = catalogue.indicators[state.indicator]
    if state.fragility is not None:
        fragility = catalogue.fragilities[state.fragility].label(lang)
    else:
        fragility = t("all_domains", lang) if indicator.per_fragility else ""
    return ViewLabels(
        indicator=indicator.label(lang),
        fragility=fragility,
        actor=catalogue.actors[state.actor].label(lang),
        segment=catalogue.segments[state.segment].label(lang),
    )


def view_caption(context: DataContext, state: AppState) -> str:
    """Which view, in words: indicator, fragility, actor, segment, data (and « simulées »)."""
    lang = state.lang
    labels = view_labels(context, state)
    dataset = context.dataset(state.dataset)
    parts = [labelled("indicator", lang) + labels.indicator]
    if labels.fragility:
        parts.append(labelled("fragility", lang) + labels.fragility)
    parts.append(labelled("actor", lang) + labels.actor)
    parts.append(labelled("segment", lang) + labels.segment)
    dataset_key = f"dataset_{state.dataset}"
    if dataset_key not in TEXT:
        dataset_key = "dataset_publie"
    parts.append(labelled("dataset", lang) + t(dataset_key, lang, release=dataset.id))
    caption = " · ".join(parts)
    return f"{caption} — {t('simulated', lang)}" if dataset.simulated else caption


def _row(
    context: DataContext,
    record: dict,
    unit: str,
    france: float | None,
    statuses: dict[str, str],
    lang: str,
) -> dict:
    """One territory: raw numbers (``None`` when missing) beside their labels in ``lang``."""
    value, low, high = (_number(record[name]) for name in ("value", "ci_low", "ci_high"))
    n, n_eff = _number(record["n"]), _number(record["n_eff"])
    study = record.get("study")
    study = context.catalogue.studies[study] if isinstance(study, str) else None
    return {
        "code": record["code"],
        "name": record["name"],
        "value": value,
        "value_label": value_label(value, unit, lang) if value is not None else "",
        "ci_low": low,
        "ci_high": high,
        "interval": (
            f"{value_label(low, unit, lang)} – {value_label(high, unit, lang)}"
            if low is not None and high is not None
            else ""
        ),
        "n": None if n is None else int(n),
        "n_label": "" if n is None else format_count(int(n), lang),
        "n_eff": n_eff,
        "n_eff_label": "" if n_eff is None else format_count(round(n_eff), lang),
        "status": record["status"],
        "status_label": statuses[record["status"]],
        "significance": _significance(record["significant"], value, france, lang),
        "joint": _joint(context, record["joint_with"], lang),
        "source": source_text(record["source"] or "", lang),
        "study": study.label(lang) if study else "",
        "fieldwork": fieldwork_text(
            [record["study"]], context.catalogue, lang
        ),  # when, not published
        "confidence": record.get("confidence") or "",  # high, medium, low; "" for an estimate
    }


def _number(raw: object) -> float | None:
    if raw is None or raw is pd.NA:
        return None
    number = float(raw)
    return None if math.isnan(number) else number


def _significance(significant: object, value: float | None, france: float | None, lang: str) -> str:
    if significant is None or significant is pd.NA or value is None:
        return ""
    if isinstance(significant, float) and math.isnan(significant):
        return ""
    if not significant or france is None:
        return t("sig_none", lang)
    return t("sig_above" if value > france else "sig_below", lang)


def _joint(context: DataContext, joint_with: object, lang: str) -> str:
    if not isinstance(joint_with, str) or not joint_with:
        return ""
    regions = context.catalogue.regions
    names = [regions[code].name if code in regions else code for code in joint_with.split(",")]
    return t("joint", lang, names=t("and", lang).join(names))
