"""The region map view: from the app state to every text and value the Carte shows.

One pure function, :func:`region_map_view`, used by the page's first render and by the
callback, so both always agree. It returns plain data; components turn it into Dash elements.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.context import DataContext
from dashboard.figures.choropleth import NoValueState
from dashboard.figures.classification import Classification, classify
from dashboard.formatting import format_count, format_value
from dashboard.i18n import t
from dashboard.state import AppState
from phare.selection import NOT_COVERED, OK, coverage, select_region_values


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    label: str
    count: int


@dataclass(frozen=True)
class RegionMapView:
    title: str
    question: str
    frame: pd.DataFrame
    classification: Classification
    legend: tuple[LegendEntry, ...]
    coverage: str
    sources: tuple[str, ...]
    base: str
    release: str
    attribution: str


def region_map_view(context: DataContext, state: AppState) -> RegionMapView:
    catalogue = context.catalogue
    lang = state.lang
    indicator = catalogue.indicators[state.indicator]
    unit = catalogue.unit_of(state.indicator)
    values = select_region_values(
        context.published,
        catalogue,
        indicator=state.indicator,
        actor=state.actor,
        segment=state.segment,
        programme=state.study,
        fragility=state.fragility,
    )
    classification = classify(
        values["value"].to_numpy(),
        state.classes,
        state.k,
        unit.domain,
        counted_once=~values.duplicated("joint_with") | values["joint_with"].isna(),
    )
    frame = _map_frame(values, classification, indicator.unit, context, lang)
    published, total = coverage(values)
    return RegionMapView(
        title=_title(context, state),
        question=indicator.question_fr,
        frame=frame,
        classification=classification,
        legend=_legend(classification, indicator.unit, frame, no_value_states(context, lang), lang),
        coverage=t(
            "coverage_one" if published <= 1 else "coverage", lang, published=published, total=total
        ),
        sources=_source_lines(values, context),
        base=_base_summary(values, lang),
        release=t("release", lang, release=context.release.id),
        attribution=context.geometry.attribution,
    )


def _map_frame(
    values: pd.DataFrame,
    classification: Classification,
    unit: str,
    context: DataContext,
    lang: str,
) -> pd.DataFrame:
    """One row per drawn region: the 13 surveyed ones, then the overseas ones (non couvert)."""
    sources = context.catalogue.sources
    surveyed = pd.DataFrame(
        {
            "code": values["region_code"],
            "name": values["region_name"],
            "status": values["status"],
            "class_index": list(classification.class_of),
            "value_label": [
                _value_label(value, unit, joint, context, lang)
                for value, joint in zip(values["value"], values["joint_with"], strict=True)
            ],
            "base_label": [_base_label(n, lang) for n in values["base_n"]],
            "source_label": [
                sources[s].publisher if isinstance(s, str) else "" for s in values["source"]
            ],
        }
    )
    overseas = context.overseas_regions()
    uncovered = pd.DataFrame(
        {
            "code": overseas["code"],
            "name": overseas["name"],
            "status": NOT_COVERED,
            "class_index": -1,
            "value_label": "",
            "base_label": "",
            "source_label": "",
        }
    )
    frame = pd.concat([surveyed, uncovered], ignore_index=True)
    labels = {status.id: status.label(lang) for status in context.catalogue.statuses.values()}
    return frame.assign(status_label=frame["status"].map(labels))


def _title(context: DataContext, state: AppState) -> str:
    """Indicator — fragility — actor (segment): what the map shows, in words."""
    catalogue, lang = context.catalogue, state.lang
    parts = [catalogue.indicators[state.indicator].label(lang)]
    if state.fragility is not None:
        parts.append(catalogue.fragilities[state.fragility].label(lang))
    actor = catalogue.actors[state.actor].label(lang)
    if state.segment != "all":
        actor = f"{actor} ({catalogue.segments[state.segment].label(lang)})"
    return " — ".join([*parts, actor])


def _value_label(
    value: float, unit: str, joint_with: str | None, context: DataContext, lang: str
) -> str:
    label = format_value(value, unit, lang)
    if not isinstance(joint_with, str):
        return label
    names = [context.catalogue.regions[code].name for code in joint_with.split(",")]
    together = t("joint", lang, names=t("and", lang).join(names))
    return f"{label} ({together})"


def no_value_states(context: DataContext, lang: str) -> tuple[NoValueState, ...]:
    """The states drawn without a value, in the status table's order, with their style."""
    return tuple(
        NoValueState(status.id, status.label(lang), status.fill, status.border)
        for status in context.catalogue.statuses.values()
        if status.fill is not None
    )


def _base_label(base_n: object, lang: str) -> str:
    if pd.isna(base_n):
        return t("base_not_published", lang)
    return t("respondents", lang, n=format_count(int(base_n), lang))


def _base_summary(values: pd.DataFrame, lang: str) -> str:
    bases = values.loc[values["status"] == OK, "base_n"].dropna()
    if bases.empty:
        return t("base_not_published", lang)
    low, high = int(bases.min()), int(bases.max())
    if low == high:
        return t("respondents", lang, n=format_count(low, lang))
    return t("respondents_range", lang, low=format_count(low, lang), high=format_count(high, lang))


def _legend(
    classification: Classification,
    unit: str,
    frame: pd.DataFrame,
    states: tuple[NoValueState, ...],
    lang: str,
) -> tuple[LegendEntry, ...]:
    entries = [
        LegendEntry(
            colour,
            f"{format_value(low, unit, lang)} – {format_value(high, unit, lang)}",
            count,
        )
        for low, high, count, colour in zip(
            classification.lower,
            classification.upper,
            classification.counts,
            classification.colours,
            strict=True,
        )
    ]
    counts = frame["status"].value_counts()
    entries += [
        LegendEntry(state.fill, state.label, int(counts[state.id]))
        for state in states
        if counts.get(state.id, 0)
    ]
    return tuple(entries)


def _source_lines(values: pd.DataFrame, context: DataContext) -> tuple[str, ...]:
    catalogue = context.catalogue
    shown = values[values["status"] == OK][["study", "source"]].drop_duplicates()
    lines = []
    for study_id, source_id in shown.itertuples(index=False):
        study = catalogue.studies[study_id]
        details = ", ".join(part for part in (study.institute, study.fieldwork_fr) if part)
        study_text = f"{study.label_fr} ({details})" if details else study.label_fr
        lines.append(
            f"Observatoire des partenariats, {study_text} ; {catalogue.sources[source_id].credit()}"
        )
    return tuple(lines)
