"""The sections of a region's profile: each chart followed by the table of its numbers.

Built from :func:`dashboard.views.region.region_profile` (numbers) and
:mod:`dashboard.text.cells` (how they are written); the page and "Ma commune" both use it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.components.chart_export import chart_downloads
from dashboard.components.chart_table import chart_with_table
from dashboard.components.france import indicators_export, row_label
from dashboard.components.france_page import scores_block
from dashboard.components.region_crossed import crossed_section
from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.text.cells import (
    caption_text,
    cell_text,
    interval_text,
    rank_text,
    release_text,
    significance_mark,
    significance_text,
)
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.region import (
    PROFILE_ACTORS,
    SCORE,
    RegionProfile,
    has_regional_value,
    region_profile,
)
from phare.selection import NOT_PUBLISHED, OK

SCORE_RANGE = (1.0, 10.0)
SHARE_RANGE = (0.0, 100.0)
FRAGILITIES_PREFIX = "fragilities-"  # then the actor: one chart per actor
INDICATORS_PREFIX = "indicators-"  # then the section: partnership, mayors


def embedded_profile(context: DataContext, state: AppState, region: str) -> list:
    """The whole profile of ``region`` with what its callbacks need (the gaps chart's key)."""
    dataset = context.dataset(state.dataset)
    release = release_text(dataset, state.lang)
    profile = region_profile(context, state, region)
    return [
        dcc.Store(
            id="profile-key", data={"state": state.model_dump(mode="json"), "region": region}
        ),
        html.P(release, className="release-line"),
        *profile_sections(context, state, profile, release, dataset.simulated),
    ]


def profile_sections(
    context: DataContext, state: AppState, profile: RegionProfile, release: str, simulated: bool
) -> list:
    """Every section of the profile, in reading order."""
    return [
        fragility_section(context, state, profile, release, simulated),
        crossed_section(context, state, profile, release, simulated),
        indicator_section(
            "partnership", context, state, profile.partnership, profile, release, simulated
        ),
        indicator_section("mayors", context, state, profile.mayors, profile, release, simulated),
    ]


# 1. The 16 fragilities of each actor ------------------------------------------------------


def fragility_section(context, state, profile, release, simulated) -> html.Section:
    lang = state.lang
    blocks = [html.H2(t("profile_fragilities", lang))]
    without = []
    for actor in PROFILE_ACTORS:
        rows = profile.fragilities[actor]
        if not has_regional_value(rows):
            without.append(context.catalogue.actors[actor].label(lang))
            continue
        blocks.append(html.H3(context.catalogue.actors[actor].label(lang)))
        blocks.append(
            _fragility_chart(context, state, profile.region, rows, actor, release, simulated)
        )
    if without:
        region = context.catalogue.regions[profile.region].named(lang)
        heading = t("profile_france_scores", lang, region=region, actors=", ".join(without))
        blocks += [html.H3(heading), *france_fallback(scores_block(context, state), state)]
    return html.Section(blocks, className="profile-section", id="profile-fragilities")


def _fragility_chart(context, state, region, rows, actor, release, simulated) -> html.Div:
    lang = state.lang
    catalogue = context.catalogue
    region_name = catalogue.regions[region].name
    labels = [catalogue.fragilities[f].label(lang) for f in rows["fragility"]]
    groups = [catalogue.fragility_groups[g].label(lang) for g in rows["group"]]
    unit = catalogue.indicators[SCORE].unit
    table = [
        [group, label, *_value_cells(row, unit, context, lang)]
        for group, label, (_, row) in zip(groups, labels, rows.iterrows(), strict=True)
    ]
    chart_id = f"{FRAGILITIES_PREFIX}{actor}"
    return _with_downloads(
        chart_with_table(
            chart_id,
            fragility_figure(context, state, region, rows, release, simulated),
            t("table_of", lang, what=catalogue.actors[actor].label(lang)),
            [t("group", lang), t("fragility", lang), *_value_header(region_name, lang)],
            table,
            lang=lang,
        ),
        chart_id,
        state,
        region,
    )


def fragility_figure(
    context: DataContext,
    state: AppState,
    region: str,
    rows: pd.DataFrame,
    release: str,
    simulated: bool,
) -> go.Figure:
    """One actor's 16 fragilities (``rows``: :func:`dashboard.views.region.fragility_rows`):
    the region's scores beside France's, by group."""
    lang = state.lang
    catalogue = context.catalogue
    labels = [catalogue.fragilities[f].label(lang) for f in rows["fragility"]]
    groups = [catalogue.fragility_groups[g].label(lang) for g in rows["group"]]
    return dot_chart(
        (groups, labels),
        _region_and_france(
            rows, catalogue.regions[region].name, catalogue.indicators[SCORE].unit, context, lang
        ),
        caption=wrapped(
            caption_text(rows, catalogue.indicators[SCORE].question(lang), release, catalogue, lang)
        ),
        x_range=SCORE_RANGE,
        x_title=catalogue.indicators[SCORE].label(lang),
        simulated=simulated,
        lang=lang,
    )


def _with_downloads(chart: html.Figure, chart_id: str, state: AppState, region: str) -> html.Div:
    """The chart, then the links to its files (which name the region in their query)."""
    linked = state.model_copy(update={"territory": region})
    return html.Div([chart, chart_downloads(chart_id, linked)])


# 3-4. Partnership and mayors' indicators ------------------------------------------------------


def indicator_section(kind, context, state, rows, profile, release, simulated) -> html.Section:
    lang = state.lang
    catalogue = context.catalogue
    blocks = [html.H2(t(f"profile_{kind}", lang))]
    if rows.empty:
        blocks.append(html.P(t("not_published", lang), className="no-regional-data"))
    elif not has_regional_value(rows):
        blocks += _national_indicators(context, state, rows, profile, kind)
    else:
        region_name = catalogue.regions[profile.region].name
        labels = [_indicator_label(catalogue, row, lang) for _, row in rows.iterrows()]
        actors = [catalogue.actors[a].label(lang) for a in rows["actor"]]
        units = [catalogue.indicators[i].unit for i in rows["indicator"]]
        table = [
            [label, actor, *_value_cells(row, unit, context, lang), row["note"]]
            for label, actor, unit, (_, row) in zip(
                labels, actors, units, rows.iterrows(), strict=True
            )
        ]
        chart_id = f"{INDICATORS_PREFIX}{kind}"
        chart = chart_with_table(
            chart_id,
            indicators_figure(context, state, profile.region, rows, release, simulated),
            t(f"profile_{kind}", lang),
            [
                t("indicator", lang),
                t("actor", lang),
                *_value_header(region_name, lang),
                t("note", lang),
            ],
            table,
            lang=lang,
        )
        blocks.append(_with_downloads(chart, chart_id, state, profile.region))
    return html.Section(blocks, className="profile-section", id=f"profile-{kind}")


def indicators_figure(
    context: DataContext,
    state: AppState,
    region: str,
    rows: pd.DataFrame,
    release: str,
    simulated: bool,
) -> go.Figure:
    """A section's indicators (``rows``: :func:`dashboard.views.region.indicator_rows`): the
    region's shares beside France's, labelled by indicator and actor."""
    lang = state.lang
    catalogue = context.catalogue
    return dot_chart(
        (
            [_indicator_label(catalogue, row, lang) for _, row in rows.iterrows()],
            [catalogue.actors[a].label(lang) for a in rows["actor"]],
        ),
        _region_and_france(rows, catalogue.regions[region].name, "pct", context, lang),
        caption=wrapped(
            caption_text(rows, t("questions_in_table", lang), release, catalogue, lang)
        ),
        x_range=SHARE_RANGE,
        x_title=t("share_axis", lang),
        simulated=simulated,
        lang=lang,
    )


def france_fallback(charts: list, state: AppState) -> list:
    """France's charts where a region has no figure of its own; on paper, one line pointing at
    the France page instead (the printed profile keeps to one A4 page of the region's own)."""
    return [
        html.Div(charts, className="france-fallback"),
        html.P(t("profile_france_printed", state.lang), className="print-only"),
    ]


def _national_indicators(context, state, rows, profile, kind: str) -> list:
    """France's values of the section's indicators as ranked bars, under « France — aucune
    donnée régionale publiée pour … »."""
    lang = state.lang
    region = context.catalogue.regions[profile.region].named(lang)
    heading = t("profile_france_indicators", lang, region=region)
    title = t(f"profile_{kind}", lang) + " — France"
    exported = indicators_export(
        context, state, set(rows["indicator"]), f"profile-france-{kind}", title
    )
    if exported is None:
        return [html.P(t("not_published", lang), className="no-regional-data")]
    table = [
        [
            row_label(context, row, lang),
            cell_text(row["value"], OK, row["unit"], context.catalogue, lang),
        ]
        for _, row in exported.rows.iterrows()
    ]
    chart = [
        chart_with_table(
            exported.chart_id,
            exported.figure,
            title,
            [t("indicator", lang), "France"],
            table,
            lang=lang,
        ),
    ]
    return [html.H3(heading), *france_fallback(chart, state)]


# shared -------------------------------------------------------------------------------------


def _indicator_label(catalogue, row: pd.Series, lang: str) -> str:
    label = catalogue.indicators[row["indicator"]].label(lang)
    fragility = row["fragility"]
    if isinstance(fragility, str):
        label += " : " + catalogue.fragilities[fragility].label(lang)
    return label


def _value_header(region_name: str, lang: str) -> list[str]:
    return [
        region_name,
        t("interval_col", lang),
        "France",
        t("significance_col", lang),
        t("rank", lang),
    ]


def _value_cells(row: pd.Series, unit: str, context, lang: str) -> list[str]:
    catalogue = context.catalogue
    mark = significance_mark(row)
    return [
        cell_text(row["value"], row["status"], unit, catalogue, lang),
        interval_text(row["ci_low"], row["ci_high"], unit, lang),
        cell_text(
            row["france"], OK if pd.notna(row["france"]) else NOT_PUBLISHED, unit, catalogue, lang
        ),
        (f"{mark} " if mark else "") + significance_text(row, lang),
        rank_text(row, lang),
    ]


def _region_and_france(rows, region_name, unit, context, lang) -> list[DotSeries]:
    catalogue = context.catalogue
    region_hover = [
        " ".join(
            filter(
                None,
                [
                    cell_text(r["value"], r["status"], unit, catalogue, lang),
                    interval_text(r["ci_low"], r["ci_high"], unit, lang),
                    rank_text(r, lang),
                ],
            )
        )
        for _, r in rows.iterrows()
    ]
    france_hover = [
        cell_text(v, OK if pd.notna(v) else NOT_PUBLISHED, unit, catalogue, lang)
        for v in rows["france"]
    ]
    return [
        DotSeries(
            name=region_name,
            values=rows["value"].to_numpy(dtype=float),
            lows=rows["ci_low"].to_numpy(dtype=float),
            highs=rows["ci_high"].to_numpy(dtype=float),
            markers=[significance_mark(r) for _, r in rows.iterrows()],
            hover=region_hover,
        ),
        DotSeries(
            name="France",
            values=rows["france"].to_numpy(dtype=float),
            lows=rows["france_low"].to_numpy(dtype=float),
            highs=rows["france_high"].to_numpy(dtype=float),
            markers=[""] * len(rows),
            hover=france_hover,
            france=True,
        ),
    ]
