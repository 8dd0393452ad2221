"""What the Données & méthodologie page says, as plain data: no Dash, no files.

The table behind the current view (the 13 regions and France, numbers both raw and in French
formats), the studies, the question, the rules actually in use, licences and the release. The
page (``dashboard/pages/donnees.py``) renders it and the CSV export (``dashboard/exports/csv.py``)
writes the same rows, so the page, the file and the map always agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.core.values import view_values
from dashboard.text.cells import status_labels
from dashboard.text.hover import value_label
from dashboard.text.i18n import TEXT, labelled, t
from dashboard.text.numbers import format_count
from dashboard.text.sources import source_line, source_text
from dashboard.views.carte import map_view
from geodata.sources import COG, FRANCE_GEOJSON
from phare.catalogue import Actor
from phare.datasets import Dataset
from phare.published import NATIONAL
from phare.settings import load_settings

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


@dataclass(frozen=True)
class StudyRow:
    study: str
    population: str
    fieldwork: str
    sample_size: str
    institute: str
    method: str
    in_view: bool  # a value of the current view comes from this study


@dataclass(frozen=True)
class Rule:
    title: str
    text: str


@dataclass(frozen=True)
class Credit:
    what: str
    attribution: str
    licence: str
    url: str | None


def view_table(context: DataContext, state: AppState) -> ViewTable:
    """The regions and France of ``state``'s view (whatever its map level: regions)."""
    lang = state.lang
    view = map_view(context, state.model_copy(update={"level": "region"}))
    frame = view_values(context, state)
    unit = context.catalogue.indicators[state.indicator].unit
    is_france = frame["code"] == NATIONAL
    france_values = frame.loc[is_france, "value"].dropna()
    france = float(france_values.iloc[0]) if not france_values.empty else None
    labels = status_labels(
        context.catalogue, lang, estimated=context.dataset(state.dataset).kind != PUBLISHED_KIND
    )
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
        "study": context.catalogue.studies[study].label(lang) if isinstance(study, str) else "",
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


# -- studies, question ------------------------------------------------------------------------


def study_rows(context: DataContext, state: AppState) -> tuple[StudyRow, ...]:
    """The studies of the state's programme; first the microdata behind the view, if any.

    A field the sources do not state is said to be so, never guessed.
    """
    lang = state.lang
    dataset = context.dataset(state.dataset)
    used = _studies_in_view(context, state)
    missing = t("not_stated", lang)
    rows = [] if dataset.kind == PUBLISHED_KIND else [_microdata_row(context, state, dataset)]
    for study in context.catalogue.studies.values():
        if study.programme != state.study:
            continue
        rows.append(
            StudyRow(
                study=study.label(lang),
                population=study.population(lang) or missing,
                fieldwork=study.fieldwork(lang) or missing,
                sample_size=missing
                if study.sample_size is None
                else t("respondents", lang, n=format_count(study.sample_size, lang)),
                institute=study.institute or missing,
                method=missing,  # no study's source describes its survey mode
                in_view=study.id in used,
            )
        )
    return tuple(rows)


def _microdata_row(context: DataContext, state: AppState, dataset: Dataset) -> StudyRow:
    lang = state.lang
    missing = t("not_stated", lang)
    frame = dataset.frame
    answered = int((frame["actor"] == state.actor).sum()) if "actor" in frame else len(frame)
    return StudyRow(
        study=f"{source_text(dataset.label, lang)} ({dataset.id})",
        population=_population(context.catalogue.actors[state.actor], lang),
        fieldwork=missing,
        sample_size=t("respondents", lang, n=format_count(answered, lang)),
        institute=missing,
        method=t("method_simulated" if dataset.simulated else "method_microdata", lang),
        in_view=True,
    )


def _population(actor: Actor, lang: str) -> str:
    return actor.population(lang)


def _published_rows(context: DataContext, state: AppState) -> pd.DataFrame | None:
    """The published view's rows (chosen figure per territory), when the view uses them."""
    if context.dataset(state.dataset).kind != PUBLISHED_KIND:
        return None
    key = (state.study, state.actor, state.segment, state.indicator, state.fragility)
    return context.published_views.get(key)


def _studies_in_view(context: DataContext, state: AppState) -> set[str]:
    rows = _published_rows(context, state)
    if rows is None:
        return set()
    return set(rows.loc[rows["value"].notna(), "study"].dropna())


def question_lines(context: DataContext, state: AppState) -> tuple[str, ...]:
    """The indicator, its question as the catalogue words it, the sources' question numbers."""
    lang = state.lang
    indicator = context.catalogue.indicators[state.indicator]
    question = t("quoted", lang, text=indicator.question(lang))
    lines = [indicator.label(lang), question, t("question_paraphrase", lang)]
    rows = _published_rows(context, state)
    if rows is not None:
        codes = sorted(set(rows.loc[rows["value"].notna(), "question"].dropna()))
        if codes:
            lines.append(t("question_codes", lang, codes=", ".join(codes)))
    return tuple(lines)


# -- rules, licences, release -----------------------------------------------------------------


def base_thresholds(context: DataContext, state: AppState) -> tuple[int, int]:
    """(min base, caution base) in use: those the app's microdata were estimated with.

    Every microdata dataset of a process is estimated with the same settings; with none loaded
    (published figures only) the settings registry says which values would apply.
    """
    current = context.dataset(state.dataset)
    datasets = [current, *context.datasets.values()]
    for dataset in datasets:
        if dataset.regional_cells is not None:
            cells = dataset.regional_cells
            return int(cells.min_base), int(cells.caution_base)
    settings = load_settings()
    return settings.min_base, settings.caution_base


def rules(context: DataContext, state: AppState) -> tuple[Rule, ...]:
    lang = state.lang
    min_base, caution_base = base_thresholds(context, state)
    bases = {
        "min_base": format_count(min_base, lang),
        "caution_base": format_count(caution_base, lang),
    }
    return (
        Rule(t("rule_suppression_title", lang), t("rule_suppression", lang, **bases)),
        Rule(t("rule_interval_title", lang), t("rule_interval", lang)),
        Rule(t("rule_multiple_title", lang), t("rule_multiple", lang)),
        Rule(
            t("rule_conflict_title", lang),
            t("rule_conflict", lang, count=_set_aside(context, state)),
        ),
        Rule(t("rule_missing_title", lang), t("rule_missing", lang)),
    )


def _set_aside(context: DataContext, state: AppState) -> str:
    """How many other published values the choice rule set aside in this view, in words."""
    rows = _published_rows(context, state)
    count = 0 if rows is None else int(rows["alternatives"].sum())
    if count == 0:
        return t("conflict_none", state.lang)
    return t("conflict_one" if count == 1 else "conflict_many", state.lang, n=count)


def credits(context: DataContext, state: AppState) -> tuple[Credit, ...]:
    """The view's figures with their source, then the geography, each with its licence."""
    lang = state.lang
    dataset = context.dataset(state.dataset)
    figures: list[Credit] = []
    if dataset.kind == PUBLISHED_KIND:
        rows = _published_rows(context, state)
        used = [] if rows is None else rows.loc[rows["value"].notna(), "source"].dropna().unique()
        for source_id in used:
            source = context.catalogue.sources[source_id]
            figures.append(
                Credit(
                    t("credit_figures", lang),
                    source.credit(),
                    t("licence_quoted", lang),
                    source.url,
                )
            )
    elif dataset.simulated:
        figures.append(
            Credit(
                t("credit_simulated", lang),
                source_text(dataset.label, lang),
                t("licence_simulated", lang),
                None,
            )
        )
    else:
        figures.append(
            Credit(t("credit_microdata", lang), dataset.label, t("not_stated", lang), None)
        )
    contours, communes = FRANCE_GEOJSON.provenance, COG.provenance
    return (
        *figures,
        Credit(
            t("credit_contours", lang),
            context.geometry.attribution,
            context.geometry.licence,
            contours.url,
        ),
        Credit(t("credit_communes", lang), communes.attribution, communes.licence, communes.url),
    )


def release_lines(context: DataContext, state: AppState) -> tuple[str, ...]:
    """Which data release and which geometry build the page shows."""
    lang = state.lang
    dataset = context.dataset(state.dataset)
    if dataset.kind == PUBLISHED_KIND:
        release = context.release
        first = t(
            "release_published",
            lang,
            release=release.id,
            rows=format_count(release.rows, lang),
            sha=release.sha256,
        )
    else:
        first = t(
            "release_microdata",
            lang,
            label=source_text(dataset.label, lang),
            release=dataset.id,
            rows=format_count(len(dataset.frame), lang),
        )
    return (first, t("release_geometry", lang, build=context.geometry.build_key))
