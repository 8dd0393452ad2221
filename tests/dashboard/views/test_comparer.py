"""Comparer's view model: the territories kept and left out, the published figures as published,
the significance marks as the data layer's corrected test gives them, all as plain data."""

import dataclasses
import math

import numpy as np
import pytest

from dashboard.core.state import COMPARER_PAGE, AppState, Notice, parse_state
from dashboard.views.comparer import (
    DIFFERENT,
    MAX_TERRITORIES,
    ComparerView,
    asked_territories,
    compared_query,
    comparer_view,
)
from dashboard.views.comparer_actor import actor_given
from dashboard.views.region import PARTNERSHIP_INDICATORS, PROFILE_ACTORS, SCORE, territory_rows
from phare.comparisons import column_differences

INNOVATION = "partnership_innovation_share"


def page_view(context, query: dict[str, object]) -> ComparerView:
    """The view the page builds for ``?<query>`` (extra territories left out first, the page's
    own defaults filled in)."""
    asked = asked_territories(query.get("territories"))
    state, problems = parse_state(compared_query(query, asked), context.choices, COMPARER_PAGE)
    return comparer_view(context, state, asked, actor_given=actor_given(query, problems))


def view_of(context, territories: object, **query: str) -> ComparerView:
    """The view the page builds for ``?territories=…&…``."""
    return page_view(context, {"territories": territories, **query})


def chart(view: ComparerView, chart_id: str):
    (found,) = [c for c in view.charts if c.chart_id == chart_id]
    return found


@pytest.mark.parametrize(
    ("raw", "asked"),
    [
        ("27,75,FR", ["27", "75", "FR"]),
        ("27,,FR,", ["27", "FR"]),
        (["28,FR"], ["28", "FR"]),  # a repeated parameter: the first
        ((), []),
        ("", []),
        (None, []),
    ],
)
def test_the_asked_territories_are_read_as_the_url_lists_them(raw, asked):
    assert asked_territories(raw) == asked


@pytest.mark.parametrize(
    ("raw", "territories"),
    [
        ("27,75,FR,11", "27,75,FR,11"),
        ("27,75,FR,11,24", "27,75,FR,11"),
        ("27,27,27,27,75,84", "27,27,27,27"),
    ],
)
def test_the_query_keeps_the_first_four_territories(raw, territories):
    query = compared_query({"territories": raw, "actor": "maires"}, asked_territories(raw))
    assert query == {"territories": territories, "actor": "maires"}


@pytest.mark.parametrize(
    ("raw", "territories", "asked", "dropped", "too_few"),
    [
        ("27,75,FR,11,24", ("27", "75", "FR", "11"), 5, ("24",), False),
        ("27,75,FR,11", ("27", "75", "FR", "11"), 4, (), False),
        ("28,28,FR", ("28", "FR"), 3, (), False),  # each territory once
        ("27,27,27,27,75", ("27",), 5, ("75",), True),  # the first four, then once each
        ("28,76", ("28", "76"), 2, (), False),
        ("28", ("28",), 1, (), True),
        ("FR,FR", ("FR",), 2, (), True),
        ("", (), 0, (), True),
    ],
)
def test_at_most_four_territories_each_once_and_the_others_named(
    context, raw, territories, asked, dropped, too_few
):
    view = view_of(context, raw)
    assert view.territories == territories
    assert (view.asked_count, view.dropped, view.too_few) == (asked, dropped, too_few)
    assert len(view.territories) <= MAX_TERRITORIES
    assert len(view.charts) == (0 if too_few else 2)


@pytest.mark.parametrize("raw", ["28", "FR", "28,28", ""])
def test_fewer_than_two_territories_give_no_chart(context, raw):
    view = view_of(context, raw)
    assert view.too_few and view.charts == ()


@pytest.mark.parametrize(
    ("code", "name", "value", "fr", "en"),
    [
        ("28", "Normandie", 77.0, "77\u00a0%", "77%"),
        ("76", "Occitanie", 100.0, "100\u00a0%", "100%"),
        ("FR", "France", 87.0, "87\u00a0%", "87%"),
    ],
)
def test_the_mayors_partnership_figures_are_the_published_ones(context, code, name, value, fr, en):
    for lang, text in (("fr", fr), ("en", en)):
        view = view_of(context, "28,76,FR", actor="maires", lang=lang)
        partnership = chart(view, "compare-partnership")
        assert len(partnership.labels) == 1  # the rows no territory has are left out
        at = 0
        column = view.territories.index(code)
        series = partnership.series[column]
        assert (series.code, series.name, series.france) == (code, name, code == "FR")
        assert series.values[at] == value
        assert math.isnan(series.lows[at]) and math.isnan(series.highs[at])  # published: no CI
        assert series.hover[at] == text and series.markers[at] == ""
        assert partnership.table.rows[at][column + 1] == text


def test_the_published_comparison_as_the_page_shows_it(context):
    view = view_of(context, "28,76,FR", actor="maires")
    release = context.dataset(AppState().dataset).id
    assert view.names == ("Normandie", "Occitanie", "France")
    assert (view.release, view.release_id, view.simulated) == (
        f"Données publiées, version {release}",
        release,
        False,
    )
    assert [o["value"] for o in view.territory_options] == [*context.catalogue.regions, "FR"]
    assert view.territory_options[-1]["label"] == "France"
    assert [(o["value"], o["label"]) for o in view.actor_options] == [
        ("citoyens", "Citoyens"),
        ("associations", "Associations"),
        ("entreprises", "Entreprises"),
        ("maires", "Maires"),
    ]
    fragilities, partnership = view.charts
    assert (fragilities.chart_id, fragilities.heading) == (
        "compare-fragilities",
        "Les 16 fragilités : Maires",
    )
    assert (fragilities.x_range, fragilities.x_title) == (
        (1, 10),
        "Note moyenne de fragilité (1 à 10)",
    )
    assert len(fragilities.labels) == 16 and fragilities.labels[0] == "Emploi / chômage / insertion"
    assert (partnership.chart_id, partnership.heading) == ("compare-partnership", "Partenariats")
    assert (partnership.x_range, partnership.x_title) == ((0, 100), "Part des répondants (%)")
    # the one indicator a territory has; the others are named, not drawn
    assert partnership.labels == ("Partenariats source d'innovation",)
    assert partnership.left_out == (
        "Non publiés pour ces territoires, donc absents du graphique : Taux de pratique "
        "partenariale ; Intention de nouer un partenariat ; Type de partenariat : mécénat ; "
        "Type de partenariat : pratiques responsables ; Type de partenariat : coopération "
        "économique ; Type de partenariat : innovation sociétale."
    )
    assert fragilities.left_out == ""  # the 16 fragilities are always listed
    question = context.catalogue.indicators[INNOVATION].question("fr")
    assert partnership.caption.replace("<br>", " ").count(question) == 1
    assert "<br>" in partnership.caption  # wrapped for Plotly
    assert partnership.caption.replace("<br>", " ").endswith(view.release)
    for item in view.charts:
        assert item.table.caption == "Valeurs du graphique (* : écart significatif avec Normandie)"
        assert item.table.header == ("Indicateur", "Normandie", "Occitanie", "France")
        assert len(item.table.rows) == len(item.labels)
        assert all(len(s.values) == len(item.labels) for s in item.series)


SIMULATED = [
    ("27,75,FR,11", "citoyens"),
    ("FR,28,76,84", "entreprises"),
    ("11,24,27,28", "associations"),
    ("28,76,FR", "maires"),
]


@pytest.mark.parametrize(("territories", "actor"), SIMULATED)
def test_simulated_marks_are_the_corrected_test_against_the_first_territory(
    context, territories, actor
):
    view = view_of(context, territories, dataset="simule", actor=actor)
    state = parse_state({"dataset": "simule", "actor": actor}, context.choices)[0]
    views = {
        "compare-fragilities": [(actor, SCORE, f) for f in context.catalogue.fragilities],
        "compare-partnership": _partnership_views(context, actor),
    }
    for item in view.charts:
        frames = [
            territory_rows(context, state, code, views[item.chart_id]) for code in view.territories
        ]
        if item.chart_id == "compare-partnership":  # the rows no territory has are left out
            valued = np.any([rows["value"].notna() for rows in frames], axis=0)
            frames = [rows[valued].reset_index(drop=True) for rows in frames]
        first, *others = item.series
        assert first.markers == ("",) * len(item.labels)
        for series, rows in zip(others, frames[1:], strict=True):
            expected = [
                DIFFERENT if flag is True else "" for flag in column_differences(frames[0], rows)
            ]
            assert list(series.markers) == expected
            assert list(series.values) == pytest.approx(list(rows["value"]), nan_ok=True)
        for at, row in enumerate(item.table.rows):  # the table marks what the chart marks
            assert row[0] == item.labels[at]
            for cell, series in zip(row[1:], item.series, strict=True):
                assert cell == series.hover[at] + (f" {DIFFERENT}" if series.markers[at] else "")


def test_some_simulated_differences_are_marked(context):
    view = view_of(context, "27,75,FR,11", dataset="simule", actor="citoyens")
    assert view.simulated and view.release.startswith("Estimations pondérées")
    assert any(DIFFERENT in s.markers for item in view.charts for s in item.series)


PLAIN = (str, int, float, bool, type(None))  # None: a chart with values has no NoValue


def _assert_plain(value: object, where: str) -> None:
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _assert_plain(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            _assert_plain(item, f"{where}[{index}]")
    elif isinstance(value, dict):  # a dropdown option, as Dash takes it
        for key, item in value.items():
            _assert_plain(item, f"{where}[{key!r}]")
    else:
        assert type(value) in PLAIN, (where, type(value))


@pytest.mark.parametrize(
    ("territories", "query"),
    [("27,75,FR,11,24", {"dataset": "simule"}), ("28,76,FR", {"actor": "maires"}), ("28", {})],
)
def test_the_view_is_plain_frozen_data(context, territories, query):
    view = view_of(context, territories, **query)
    _assert_plain(view, "view")
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.too_few = True  # type: ignore[misc]


def _partnership_views(context, actor: str = "maires") -> list:
    indicators = context.catalogue.indicators
    return [(actor, i, None) for i in PARTNERSHIP_INDICATORS if not indicators[i].per_fragility]


# -- every default opens on data ------------------------------------------------------------------


def drawn_values(chart) -> list[float]:
    """The values a drawn chart plots (none: the chart is not drawn)."""
    if chart.no_value is not None:
        return []
    return [v for series in chart.series for v in series.values if not math.isnan(v)]


def assert_no_empty_chart(view: ComparerView) -> None:
    """Every chart is drawn with a value, or says what is missing instead."""
    for item in view.charts:
        values = [v for series in item.series for v in series.values if not math.isnan(v)]
        assert (item.no_value is None) == bool(values), item.chart_id
        if item.no_value is not None:
            assert item.no_value.href == "/region/FR" and item.no_value.text


def published(context, actor: str, indicator: str, region: str) -> float:
    rows = context.published.query(
        "actor == @actor and indicator == @indicator and region_code == @region"
        " and segment == 'all' and confidence == 'high'"
    )
    return rows["value"].item()


@pytest.mark.parametrize("query", [{}, {"territories": "28,76,FR"}])
def test_the_page_opens_on_the_mayors_innovation_in_normandie_occitanie_and_france(context, query):
    view = page_view(context, query)
    assert (view.territories, view.actor, view.notices) == (("28", "76", "FR"), "maires", ())
    assert_no_empty_chart(view)
    fragilities, partnership = view.charts
    assert fragilities.no_value.text == (
        "Aucun score de fragilité publié pour les maires dans ces territoires."
    )
    assert fragilities.no_value.link_text == "Voir la page France"
    assert partnership.no_value is None
    at = partnership.labels.index("Partenariats source d'innovation")
    assert [series.values[at] for series in partnership.series] == [
        published(context, "maires", INNOVATION, code) for code in view.territories
    ]
    assert [series.hover[at] for series in partnership.series] == [
        "77\u00a0%",
        "100\u00a0%",
        "87\u00a0%",
    ]


@pytest.mark.parametrize("actor", PROFILE_ACTORS)
def test_no_actor_opens_an_empty_chart_on_the_default_territories(context, actor):
    view = page_view(context, {"actor": actor})
    assert view.territories == ("28", "76", "FR")
    assert_no_empty_chart(view)
    assert any(drawn_values(item) for item in view.charts)
    # every surveyed actor has values in France: none is replaced here
    assert (view.actor, view.notices) == (actor, ())


def reach(context, actor: str, territories: tuple[str, ...]) -> tuple[int, int]:
    """(territories with a value, values) of the actor's charts, from the charts' own rows."""
    state = AppState()
    views = [(actor, SCORE, f) for f in context.catalogue.fragilities]
    views += _partnership_views(context, actor)
    counts = [
        int(territory_rows(context, state, code, views)["value"].notna().sum())
        for code in territories
    ]
    return sum(1 for n in counts if n), sum(counts)


@pytest.mark.parametrize("territories", ["27,FR", "28,76", "75,84", "53,FR", "84,93,94,FR"])
def test_without_actor_the_page_compares_the_one_with_values_in_the_most_territories(
    context, territories
):
    view = page_view(context, {"territories": territories})
    best = max(reach(context, actor, view.territories) for actor in PROFILE_ACTORS)
    assert reach(context, view.actor, view.territories) == best
    assert view.notices == ()
    assert_no_empty_chart(view)
    assert any(drawn_values(item) for item in view.charts)


@pytest.mark.parametrize(
    ("query", "compared", "notice"),
    [
        # the citizens' Comparer charts have nothing for Normandie or Occitanie
        ({"territories": "28,76", "actor": "citoyens"}, "maires", ("Citoyens", "Maires")),
        (
            {"territories": "28,76", "actor": "pionniers"},
            "maires",
            ("Pionniers des alliances", "Maires"),
        ),
        ({"territories": "27,FR", "actor": "maires"}, "maires", None),  # France has some
        ({"territories": "53,11", "actor": "entreprises"}, "entreprises", None),  # none has any
    ],
)
def test_an_actor_with_nothing_for_the_territories_is_replaced_with_a_notice(
    context, query, compared, notice
):
    view = page_view(context, query)
    assert view.actor == compared
    expected = () if notice is None else (Notice("actor", *notice, kind="no_value"),)
    assert view.notices == expected
    assert_no_empty_chart(view)


def test_with_no_value_anywhere_both_charts_say_what_is_missing(context):
    view = page_view(context, {"territories": "53,11", "lang": "en"})
    assert [item.no_value.text for item in view.charts] == [
        "No fragility score published for mayors in these territories.",
        "No partnership indicator published for mayors in these territories.",
    ]
    assert view.charts[0].no_value.href == "/region/FR?lang=en"


def test_the_left_out_territories_are_named_and_an_unknown_code_kept_as_asked(context):
    view = view_of(context, "27,75,FR,11,24,99")
    assert view.dropped == ("24", "99")
    assert view.dropped_names == ("Centre-Val de Loire", "99")
