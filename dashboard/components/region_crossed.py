"""The regard croisé of a region's profile: what each actor puts first (top 3) and the gaps
between actors for one fragility (the gaps chart follows its dropdown, ``callbacks/region.py``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.components.chart_export import chart_downloads
from dashboard.components.chart_table import chart_with_table, data_table
from dashboard.components.dropdown import labelled_dropdown
from dashboard.core.context import DataContext
from dashboard.core.state import AppState
from dashboard.figures.dots import gap_chart
from dashboard.text.cells import caption_text, cell_text, gap_text, interval_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.region import PROFILE_ACTORS, SCORE, RegionProfile, gaps_for
from phare.selection import OK

GAPS_CHART = "gaps"


def crossed_section(context, state, profile, release, simulated) -> html.Section:
    lang = state.lang
    catalogue = context.catalogue
    fragility = state.fragility or next(iter(catalogue.fragilities))
    return html.Section(
        [
            html.H2(t("profile_crossed", lang)),
            top3_table(context, profile.top, lang),
            html.H3(t("profile_gaps", lang)),
            labelled_dropdown(
                "gap-fragility",
                t("fragility", lang),
                lang,
                options=[
                    {"label": f.label(lang), "value": f.id} for f in catalogue.fragilities.values()
                ],
                value=fragility,
                clearable=False,
                className="filter no-print",
            ),
            html.Div(
                gap_block(context, state, profile, fragility, release, simulated), id="gap-block"
            ),
        ],
        className="profile-section",
        id="profile-crossed",
    )


def top3_table(context, top: pd.DataFrame, lang: str) -> html.Table:
    catalogue = context.catalogue
    header = [t("actor", lang), "1", "2", "3", t("top3_basis", lang)]
    rows = []
    for actor in PROFILE_ACTORS:
        mine = top[top["actor"] == actor]
        if mine.empty:
            rows.append([catalogue.actors[actor].label(lang), *[t("not_published", lang)] * 3, ""])
            continue
        basis, scope, among = mine.iloc[0][["basis", "scope", "among"]]
        unit = "pct" if basis == "top3_share" else catalogue.indicators[SCORE].unit
        cells = [
            f"{catalogue.fragilities[f].label(lang)} ({cell_text(v, OK, unit, catalogue, lang)})"
            for f, v in zip(mine["fragility"], mine["value"], strict=True)
        ]
        cells += [""] * (3 - len(cells))
        rows.append(
            [
                catalogue.actors[actor].label(lang),
                *cells,
                t(f"top3_{basis}_{scope}", lang, among=among),
            ]
        )
    return data_table("top3-table", t("top3_caption", lang), header, rows, printed=True)


def gap_block(context, state, profile, fragility, release, simulated) -> list:
    """The diverging chart of gaps between actors for ``fragility``, its table and the links
    to its files."""
    lang = state.lang
    catalogue = context.catalogue
    gaps = gaps_for(profile, fragility)
    label = catalogue.fragilities[fragility].label(lang)
    if gaps["gap"].isna().all():
        return [
            html.P(t("gaps_not_published", lang, fragility=label), className="no-regional-data")
        ]
    table = [
        [
            name,
            gap_text(row.gap, lang),
            interval_text(row.ci_low, row.ci_high, "gap", lang),
            t("significant_gap" if row.significant is True else "no_gap_shown", lang)
            if row.significant is not None
            else t("not_tested", lang),
        ]
        for name, row in zip(_pair_names(catalogue, gaps, lang), gaps.itertuples(), strict=True)
    ]
    linked = state.model_copy(update={"territory": profile.region, "fragility": fragility})
    return [
        chart_with_table(
            GAPS_CHART,
            gap_figure(context, state, profile, fragility, release, simulated),
            t("gaps_caption", lang, fragility=label),
            [
                t("actors_pair", lang),
                t("gap", lang),
                t("interval_col", lang),
                t("significance_col_gap", lang),
            ],
            table,
            lang=lang,
        ),
        chart_downloads(GAPS_CHART, linked),
    ]


def gap_figure(
    context: DataContext,
    state: AppState,
    profile: RegionProfile,
    fragility: str,
    release: str,
    simulated: bool,
) -> go.Figure:
    """The gaps between actors' scores of ``fragility`` in the region, marked where
    significant, the scores' sources in its caption."""
    lang = state.lang
    catalogue = context.catalogue
    gaps = gaps_for(profile, fragility)
    score_rows = pd.concat(
        [rows[rows["fragility"] == fragility] for rows in profile.fragilities.values()]
    )
    return gap_chart(
        _pair_names(catalogue, gaps, lang),
        gaps["gap"],
        gaps["ci_low"],
        gaps["ci_high"],
        ["*" if flag is True else "" for flag in gaps["significant"]],
        caption=wrapped(
            caption_text(
                score_rows, catalogue.indicators[SCORE].question(lang), release, catalogue, lang
            )
        ),
        x_title=t("gap_axis", lang, fragility=catalogue.fragilities[fragility].label(lang)),
        simulated=simulated,
        lang=lang,
    )


def _pair_names(catalogue, gaps: pd.DataFrame, lang: str) -> list[str]:
    """ "Citoyens − Entreprises": each pair of actors, the first's score minus the second's."""
    return [
        f"{catalogue.actors[a].label(lang)} − {catalogue.actors[b].label(lang)}"
        for a, b in zip(gaps["first"], gaps["second"], strict=True)
    ]
