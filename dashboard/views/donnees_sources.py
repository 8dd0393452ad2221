"""What the Données & méthodologie page says around the table, as plain data: no Dash, no files.

The studies of the programme (:func:`study_rows`, also listed by the Analyse slides), the
question (:func:`question_lines`), the rules actually in use (:func:`rules`,
:func:`base_thresholds`), the licences (:func:`credits`) and the release (:func:`release_lines`).
The table behind the view is in :mod:`dashboard.views.donnees`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.text.sources import source_text
from dashboard.views.donnees import PUBLISHED_KIND
from geodata.sources import COG, FRANCE_GEOJSON
from phare.catalogue import Actor
from phare.datasets import Dataset
from phare.settings import load_settings


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


# -- studies, question ------------------------------------------------------------------------


def study_rows(context: DataContext, state: AppState) -> tuple[StudyRow, ...]:
    """The studies of the state's programme; first the microdata behind the view, if any.

    A field the sources do not state is said to be so, never guessed.
    """
    lang = state.lang
    dataset = context.dataset(state.dataset)
    used = studies_in_view(context, state)
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


def studies_in_view(context: DataContext, state: AppState) -> set[str]:
    """The studies the view's published values come from (none for an estimate)."""
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
        Rule(t("rule_classes_title", lang), t("rule_classes", lang)),
        Rule(t("rule_communes_title", lang), t("rule_communes", lang)),
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
