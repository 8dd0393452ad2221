"""The map view: from the app state to every value and text the Carte shows, at any level.

One pure function, :func:`map_view`, used by the page's first render and by the callback, so
both always agree. It returns plain data (a frame in the figure builders' contract, legend
entries, texts); components and figure builders turn it into Dash elements and Plotly traces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.core.state import AUTO_SCHEME, AppState
from dashboard.core.values import RegionValues, region_values
from dashboard.text.cells import release_text, status_labels
from dashboard.text.hover import region_details, value_label
from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from dashboard.text.sources import source_lines
from dashboard.views.carte_communes import commune_frame, commune_scope, regional_sentence
from dashboard.views.carte_drawn import DrawnValues
from dashboard.views.classification import (
    PRECISION,
    Classification,
    NoValueState,
    class_labels,
    classify,
    no_value_states,
)
from dashboard.views.map_scale import (
    FranceComparison,
    drawn_half_width,
    france_comparison,
    legend_notes,
)
from phare.datasets import Dataset
from phare.estimates import BASE_COLUMNS, INTERVAL_COLUMNS
from phare.selection import NOT_COVERED, OK
from phare.weighted import PRUDENCE

DRAWN_WITH_VALUE = OK  # the figure's "valued" trace: ok and prudence cells
NUMBERS = (*INTERVAL_COLUMNS, *BASE_COLUMNS)  # the table's interval and bases


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    label: str
    count: int


@dataclass(frozen=True)
class MapView:
    level: str  # region, departement or commune
    geometry_level: str  # the geodata level drawn: regions, departements, communes-28…
    title: str
    question: str
    frame: pd.DataFrame
    classification: Classification
    legend: tuple[LegendEntry, ...]
    legend_notes: tuple[str, ...]  # the scale shown, then the regions against France (Holm)
    count_word: str  # "rég.", "dép.", "communes": what a legend count counts
    coverage: str
    sources: tuple[str, ...]
    base: str
    release: str
    attribution: str
    simulated: bool
    france: str  # the France value as a sentence
    regional: str  # a map of one region's communes: the region's value, said once ("" else)
    has_france: bool
    has_regional_value: bool  # without one there is no map to export
    extent: tuple[float, float, float, float] | None  # communes: the area drawn
    values: RegionValues  # the regional values behind every level (the summary's)


def map_view(context: DataContext, state: AppState, upload: pd.DataFrame | None = None) -> MapView:
    """Everything the Carte shows for ``state`` (``upload``: the visitor's commune values)."""
    lang = state.lang
    values = region_values(context, state)
    dataset = context.dataset(state.dataset)
    unit = context.catalogue.indicators[state.indicator].unit
    if state.level == "commune":
        scope = commune_scope(context, state.territory)
        drawn = commune_frame(context, state, values, scope, upload)
        geometry_level, extent = scope.geometry_level, scope.extent
        regional = regional_sentence(context, state, values, scope)
    else:
        drawn = _territory_frame(context, state, values, dataset.simulated)
        geometry_level, extent, regional = f"{state.level}s", None, ""
    france = values.france
    shown_unit = unit if drawn.unit is None else drawn.unit  # "" (a visitor's file): no unit
    domain = drawn.domain or context.catalogue.unit_of(state.indicator).domain
    classification = drawn.classification or map_classification(
        drawn, state, domain, france, shown_unit
    )
    statuses = status_labels(context.catalogue, lang, estimated=dataset.kind != "published")
    frame = _with_table_texts(
        _with_classes(drawn.frame, classification, shown_unit, lang), statuses, shown_unit, lang
    )
    return MapView(
        level=state.level,
        geometry_level=geometry_level,
        title=_title(context, state),
        question=context.catalogue.indicators[state.indicator].question(lang),
        frame=frame,
        classification=classification,
        legend=_legend(
            classification, drawn, frame, shown_unit, no_value_states(context, lang), lang
        ),
        legend_notes=legend_notes(
            classification, _comparison(state, values), shown_unit, domain, lang
        ),
        count_word=t(f"count_{state.level}", lang),
        coverage=_coverage(values, dataset.kind, lang),
        sources=_source_lines(values, context, dataset, lang),
        base=_base_summary(values.regions, lang),
        release=release_text(dataset, lang),
        attribution=context.geometry.attribution,
        simulated=dataset.simulated,
        france=_france_sentence(values, unit, lang),
        regional=regional,
        has_france=values.france is not None,
        has_regional_value=bool(values.regions["value"].notna().any()),
        values=values,
        extent=extent,
    )


def map_classification(
    drawn: DrawnValues,
    state: AppState,
    domain: tuple[float, float],
    france: float | None,
    unit: str,
) -> Classification:
    """The state's classes of the drawn values: the Carte's, its exports' and the slides'.

    Without a France value there is no centre to diverge from: the default classes instead. The
    values' intervals, when they have some, keep the edges a half-width apart."""
    scheme = AUTO_SCHEME if state.classes == "diverging" and france is None else state.classes
    return classify(
        drawn.values,
        scheme,
        state.k,
        domain,
        counted_once=drawn.counted_once,
        centre=france,
        precision=PRECISION.get(unit, 1),
        half_width=drawn_half_width(drawn.frame, drawn.counted_once),
    )


def _comparison(state: AppState, values: RegionValues) -> FranceComparison | None:
    """The regions against France, under a region or department map's legend (a commune map
    draws other values than the regions')."""
    return None if state.level == "commune" else france_comparison(values.regions, values.france)


def _territory_frame(
    context: DataContext, state: AppState, values: RegionValues, simulated: bool
) -> DrawnValues:
    """Regions, or departments painted with their region's value, then the overseas ones.

    Each metropolitan feature takes its region's row by position (a lookup, not a join: this
    runs on every filter change); the overseas ones, where PHARE has no survey, an empty row
    drawn « non couvert »."""
    lang = state.lang
    regions = values.regions.assign(
        details=region_details(context, state, values, simulated),
        status=values.regions["status"].replace({PRUDENCE: OK}),
        original_status=values.regions["status"],
    )
    features = context.features[state.level].sort_values("overseas", kind="stable")
    covered = ~features["overseas"].to_numpy(dtype=bool)
    row_of = {code: row for row, code in enumerate(regions["code"])}
    rows = [
        row_of[region] if inside else -1
        for region, inside in zip(features["region"], covered, strict=True)
    ]
    joined = regions.drop(columns=["code", "name"]).reindex(rows)  # -1: an empty row
    frame = pd.DataFrame(
        {name: features[name].to_numpy() for name in ("code", "name", "region", "lon", "lat")}
        | {name: joined[name].to_numpy() for name in joined}
    )
    frame["region"] = frame["region"].where(covered)
    frame["status"] = np.where(covered, frame["status"], NOT_COVERED)
    frame["details"] = [
        _feature_details(context, state.level, region, details, lang) if inside else ()
        for region, details, inside in zip(frame["region"], frame["details"], covered, strict=True)
    ]
    group = frame["joint_with"].fillna(frame["region"]).fillna(frame["code"])
    return DrawnValues(
        frame=frame,
        values=frame["value"].to_numpy(dtype=float),
        counted_once=~group.duplicated().to_numpy(),
    )


def _feature_details(
    context: DataContext, level: str, region: str, details: tuple[str, ...], lang: str
) -> tuple[str, ...]:
    """A department's hover says first that the value is its region's."""
    if level != "departement":
        return details
    return (t("region_value", lang, region=context.catalogue.regions[region].name), *details)


def _with_classes(
    frame: pd.DataFrame, classification: Classification, unit: str, lang: str
) -> pd.DataFrame:
    """Class index per feature, the drawing status, and the texts the table and labels show."""
    valued = frame["status"] == DRAWN_WITH_VALUE
    class_index = np.where(valued, np.asarray(classification.class_of), -1)
    shown = frame["value"].where(valued)
    words = {v: value_label(v, unit, lang) for v in shown.dropna().unique()}
    labels = shown.map(words).astype(object).where(valued, "")
    return frame.assign(
        class_index=class_index,
        value_label=labels,
        label=labels if classification.unclassed else "",
    )


def _with_table_texts(
    frame: pd.DataFrame, labels: dict[str, str], unit: str, lang: str
) -> pd.DataFrame:
    """Interval, bases and status (``labels``: each status in words) as the table under the
    map shows them."""
    status = frame.get("original_status", frame["status"])
    if not any(name in frame for name in NUMBERS):  # communes: no interval, no base
        return frame.assign(
            interval_label="", n_label="", n_eff_label="", status_label=status.map(labels)
        )
    texts = {"interval_label": [], "n_label": [], "n_eff_label": []}
    columns = [frame.get(name, pd.Series(np.nan, index=frame.index)) for name in NUMBERS]
    for low, high, n, n_eff in zip(*columns, strict=True):
        interval = ""
        if pd.notna(low):
            interval = f"{value_label(low, unit, lang)} – {value_label(high, unit, lang)}"
        texts["interval_label"].append(interval)
        texts["n_label"].append("" if pd.isna(n) else format_count(int(n), lang))
        texts["n_eff_label"].append("" if pd.isna(n_eff) else format_count(round(n_eff), lang))
    return frame.assign(**texts, status_label=status.map(labels).fillna(""))


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


def _legend(
    classification: Classification,
    drawn: DrawnValues,
    frame: pd.DataFrame,
    unit: str,
    states: tuple[NoValueState, ...],
    lang: str,
) -> tuple[LegendEntry, ...]:
    if drawn.class_labels is not None:
        labels = list(drawn.class_labels)
    else:
        labels = class_labels(classification, unit, lang)
    counts = np.bincount(
        frame.loc[frame["class_index"] >= 0, "class_index"], minlength=classification.k
    )
    entries = [
        LegendEntry(colour, label, int(count))
        for colour, label, count in zip(classification.colours, labels, counts, strict=True)
    ]
    states_present = frame["status"].value_counts()
    entries += [
        LegendEntry(state.fill, state.label, int(states_present[state.id]))
        for state in states
        if states_present.get(state.id, 0)
    ]
    return tuple(entries)


def _coverage(values: RegionValues, kind: str, lang: str) -> str:
    shown = int(values.regions["value"].notna().sum())
    key = "coverage" if kind == "published" else "coverage_estimated"
    return t(key + ("_one" if shown <= 1 else ""), lang, published=shown, total=len(values.regions))


def _france_sentence(values: RegionValues, unit: str, lang: str) -> str:
    if values.france is None:
        return t("france_not_published", lang)
    return t("france_value", lang, value=value_label(values.france, unit, lang))


def _source_lines(
    values: RegionValues, context: DataContext, dataset: Dataset, lang: str
) -> tuple[str, ...]:
    shown = values.regions[values.regions["value"].notna()]
    return source_lines(shown["study"], shown["source"], context.catalogue, dataset, lang)


def _base_summary(regions: pd.DataFrame, lang: str) -> str:
    bases = regions.loc[regions["value"].notna(), "n"].dropna()
    if bases.empty:
        return t("base_not_published", lang)
    low, high = int(bases.min()), int(bases.max())
    if low == high:
        return t("respondents", lang, n=format_count(low, lang))
    return t("respondents_range", lang, low=format_count(low, lang), high=format_count(high, lang))
