"""Comparer (``/comparer?territories=27,75,FR``): two to four regions, or regions and France,
side by side on one scale, the significant differences with the first territory marked.

The territories are the shared state's ``territories`` parameter; more than four are refused
with a message (the first four are compared), unknown codes fall back with a notice.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components.chart_table import chart_with_table
from dashboard.components.dropdown import labelled_dropdown
from dashboard.components.page_shell import page_shell, unavailable_page
from dashboard.core.context import DataContext, Unavailable
from dashboard.core.state import FRANCE, AppState
from dashboard.figures.dots import DotSeries, dot_chart
from dashboard.server.current import page_context
from dashboard.server.page_titles import page_title
from dashboard.text.cells import caption_text, cell_text, interval_text, release_text
from dashboard.text.i18n import t
from dashboard.text.markup import wrapped
from dashboard.views.region import PARTNERSHIP_INDICATORS, SCORE, territory_rows
from phare.comparisons import column_differences

dash.register_page(__name__, path="/comparer", title=page_title("nav_compare"), name="Comparer")

MAX_TERRITORIES = 4
DIFFERENT = "*"


def layout(**query: object) -> html.Main:
    asked = _asked(query.get("territories"))
    if len(asked) > MAX_TERRITORIES:
        query = {**query, "territories": ",".join(asked[:MAX_TERRITORIES])}
    context, state, problems = page_context(query)
    if isinstance(context, Unavailable):
        return unavailable_page(context, state)
    lang = state.lang
    territories = list(dict.fromkeys(state.territories))
    dataset = context.dataset(state.dataset)
    release = release_text(dataset, lang)
    body = [
        dcc.Location(id="comparer-location", refresh=True),
        dcc.Store(id="comparer-state", data=state.model_dump(mode="json")),
        html.H1(t("compare_title", lang)),
        html.P(t("compare_intro", lang), className="lead"),
        html.P(release, className="release-line"),
        *_too_many(asked, lang),
        html.Div(_chooser(context, state, territories), hidden=state.embed),
    ]
    if len(territories) < 2:
        body.append(dbc.Alert(t("compare_pick", lang), color="info", id="compare-message"))
    else:
        body += comparison(context, state, territories, release, dataset.simulated)
    return page_shell(
        "/comparer",
        state,
        problems,
        body,
        simulated=dataset.simulated,
        release=dataset.id,
        title=t("app_title", lang) + " – " + t("compare_title", lang),
    )


def comparison(
    context: DataContext, state: AppState, territories: list[str], release: str, simulated: bool
) -> list:
    """The fragilities' chart (scores 1-10) and the partnership chart (0-100 %), both shared by
    every territory, each followed by its table."""
    catalogue = context.catalogue
    actor = state.actor
    fragilities = [(actor, SCORE, fragility) for fragility in catalogue.fragilities]
    partnership = [
        (actor, indicator, None)
        for indicator in PARTNERSHIP_INDICATORS
        if not catalogue.indicators[indicator].per_fragility
    ]
    return [
        html.H2(
            t("compare_fragilities", state.lang, actor=catalogue.actors[actor].label(state.lang))
        ),
        _chart(
            "compare-fragilities",
            context,
            state,
            territories,
            fragilities,
            (1, 10),
            release,
            simulated,
        ),
        html.H2(t("profile_partnership", state.lang)),
        _chart(
            "compare-partnership",
            context,
            state,
            territories,
            partnership,
            (0, 100),
            release,
            simulated,
        ),
    ]


def _chart(chart_id, context, state, territories, views, x_range, release, simulated):
    lang = state.lang
    catalogue = context.catalogue
    frames = {code: territory_rows(context, state, code, views) for code in territories}
    reference = frames[territories[0]]
    labels = [
        catalogue.fragilities[f].label(lang)
        if isinstance(f, str)
        else catalogue.indicators[i].label(lang)
        for _, i, f in views
    ]
    names = [_name(context, code) for code in territories]
    series, marks = [], {}
    units = [catalogue.indicators[i].unit for _, i, _ in views]
    for code, name in zip(territories, names, strict=True):
        rows = frames[code]
        differs = (
            column_differences(reference, rows) if code != territories[0] else [None] * len(rows)
        )
        marks[code] = [DIFFERENT if flag is True else "" for flag in differs]
        texts = [
            _cell(row, unit, context, lang)
            for (_, row), unit in zip(rows.iterrows(), units, strict=True)
        ]
        series.append(
            DotSeries(
                name=name,
                values=rows["value"].to_numpy(dtype=float),
                lows=rows["ci_low"].to_numpy(dtype=float),
                highs=rows["ci_high"].to_numpy(dtype=float),
                markers=marks[code],
                hover=texts,
                france=code == FRANCE,
            )
        )
    question = (
        catalogue.indicators[views[0][1]].question(lang)
        if len({v[1] for v in views}) == 1
        else t("questions_in_table", lang)
    )
    all_rows = pd.concat(frames.values())
    figure = dot_chart(
        labels,
        series,
        caption=wrapped(caption_text(all_rows, question, release, catalogue, lang)),
        x_range=x_range,
        x_title=catalogue.indicators[views[0][1]].label(lang)
        if x_range == (1, 10)
        else t("share_axis", lang),
        simulated=simulated,
        lang=lang,
    )
    table = [
        [
            label,
            *(
                series_item.hover[index] + (f" {marks[code][index]}" if marks[code][index] else "")
                for code, series_item in zip(territories, series, strict=True)
            ),
        ]
        for index, label in enumerate(labels)
    ]
    return chart_with_table(
        chart_id,
        figure,
        t("compare_table", lang, first=names[0]),
        [t("indicator", lang), *names],
        table,
        lang=lang,
    )


def _cell(row, unit, context, lang) -> str:
    value = cell_text(row["value"], row["status"], unit, context.catalogue, lang)
    interval = interval_text(row["ci_low"], row["ci_high"], unit, lang)
    return f"{value} [{interval}]" if interval else value


def _name(context: DataContext, code: str) -> str:
    return "France" if code == FRANCE else context.catalogue.regions[code].name


def _asked(raw: object) -> list[str]:
    if isinstance(raw, list | tuple):
        raw = raw[0] if raw else ""
    return [part for part in str(raw or "").split(",") if part]


def _too_many(asked: list[str], lang: str) -> list:
    if len(asked) <= MAX_TERRITORIES:
        return []
    return [
        dbc.Alert(
            t(
                "compare_too_many",
                lang,
                n=len(asked),
                max=MAX_TERRITORIES,
                dropped=", ".join(asked[MAX_TERRITORIES:]),
            ),
            color="warning",
            id="compare-too-many",
        )
    ]


def _chooser(context: DataContext, state: AppState, territories: list[str]) -> html.Div:
    lang = state.lang
    catalogue = context.catalogue
    options = [{"label": region.name, "value": code} for code, region in catalogue.regions.items()]
    options.append({"label": "France", "value": FRANCE})
    return html.Div(
        [
            labelled_dropdown(
                "compare-territories",
                t("compare_territories", lang),
                lang,
                options=options,
                value=territories,
                multi=True,
                className="filter",
            ),
            labelled_dropdown(
                "compare-actor",
                t("actor", lang),
                lang,
                options=[
                    {"label": a.label(lang), "value": a.id}
                    for a in catalogue.actors.values()
                    if a.id in ("citoyens", "associations", "entreprises", "maires")
                ],
                value=state.actor,
                clearable=False,
                className="filter",
            ),
        ],
        className="compare-chooser no-print",
    )
