from dataclasses import replace

import pytest

from dashboard.core.state import (
    ANALYSE_PAGE,
    COMPARER_PAGE,
    AppState,
    Notice,
    StateChoices,
    page_query,
    parse_state,
    shared_state,
    state_query,
)

CHOICES = StateChoices(
    datasets=frozenset({"publie"}),
    programmes=frozenset({"phare", "impact"}),
    actors=frozenset({"maires", "citoyens"}),
    segments=frozenset({"all"}),
    indicators=frozenset({"partnership_innovation_share"}),
    fragilities=frozenset({"emploi"}),
    levels=frozenset({"regions"}),
    schemes=frozenset({"fixed", "quantiles"}),
    territories=frozenset({"27", "75"}),
    current_releases=(("publie", "publie-abc"),),
)


def test_an_empty_query_gives_the_documented_defaults():
    state, notices = parse_state({}, CHOICES)
    assert notices == []
    assert (state.actor, state.indicator, state.study, state.level) == (
        "maires",
        "partnership_innovation_share",
        "phare",
        "region",
    )


@pytest.mark.parametrize(
    "state",
    [
        AppState(),
        AppState(actor="citoyens", k=3, lang="en", embed=True),
        AppState(territories=("27", "75", "FR"), release="publie-abc", fragility="emploi"),
        AppState(rows="fragility", cols="actor", classes="quantiles", study="impact"),
    ],
)
def test_state_to_url_and_back_is_the_identity(state):
    query = state_query(state)
    params = dict(pair.split("=", 1) for pair in query.lstrip("?").split("&") if pair)
    params = {key: value.replace("%2C", ",") for key, value in params.items()}
    parsed, notices = parse_state(params, CHOICES)
    assert notices == []
    assert parsed == state


def test_the_url_lists_only_what_differs_from_the_defaults():
    assert state_query(AppState()) == ""
    assert state_query(AppState(actor="citoyens", embed=True)) == "?actor=citoyens&embed=1"


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"actor": "habitants"}, Notice("actor", "habitants", "maires")),
        ({"k": "12"}, Notice("k", "12", "5")),
        ({"k": "cinq"}, Notice("k", "cinq", "5")),
        ({"lang": "de"}, Notice("lang", "de", "fr")),
        ({"embed": "oui"}, Notice("embed", "oui", "False")),
        ({"territories": "27,99"}, Notice("territories", "27,99", "()")),
        (
            {"actor": "<script>alert(1)</script>"},
            Notice("actor", "<script>alert(1)</script>", "maires"),
        ),
        ({"actor": "x" * 3000}, Notice("actor", "x" * 40 + "…", "maires")),
        ({"actor": "ma\x00ires"}, Notice("actor", "ma\x00ires", "maires")),
    ],
)
def test_a_bad_parameter_falls_back_to_its_default_with_a_notice(query, notice):
    state, notices = parse_state(query, CHOICES)
    assert notices == [notice]
    name = notice.name
    assert getattr(state, name) == getattr(AppState(), name)


def test_one_bad_parameter_does_not_discard_the_good_ones():
    state, notices = parse_state({"actor": "citoyens", "k": "0", "unknown": "x"}, CHOICES)
    assert state.actor == "citoyens"
    assert [n.name for n in notices] == ["k"]


def test_a_repeated_parameter_uses_its_first_value():
    state, _ = parse_state({"actor": ["citoyens", "maires"]}, CHOICES)
    assert state.actor == "citoyens"


def test_a_release_no_longer_served_opens_the_current_one_with_a_notice():
    state, notices = parse_state({"release": "publie-old", "actor": "citoyens"}, CHOICES)
    assert (state.release, state.actor) == ("publie-abc", "citoyens")
    assert notices == [Notice("release", "publie-old", "publie-abc", kind="replaced")]


def test_the_release_a_permalink_pins_is_kept_when_it_is_still_served():
    state, notices = parse_state({"release": "publie-abc"}, CHOICES)
    assert (state.release, notices) == ("publie-abc", [])


# -- a page's own defaults ----------------------------------------------------------------------

PAGE_CHOICES = replace(
    CHOICES,
    indicators=frozenset({"partnership_innovation_share", "fragility_mean_score"}),
    territories=frozenset({"27", "28", "76"}),
)


@pytest.mark.parametrize(
    ("page", "query", "field", "value"),
    [
        (ANALYSE_PAGE, {}, "indicator", "fragility_mean_score"),
        # the app's default, asked for: kept
        (
            ANALYSE_PAGE,
            {"indicator": "partnership_innovation_share"},
            "indicator",
            AppState().indicator,
        ),
        (COMPARER_PAGE, {}, "territories", ("28", "76", "FR")),
        (COMPARER_PAGE, {"territories": "27,FR"}, "territories", ("27", "FR")),
        (COMPARER_PAGE, {"territories": ""}, "territories", ()),  # emptied by the reader
        (None, {}, "indicator", AppState().indicator),  # other pages: the app's defaults
        ("/", {}, "territories", ()),
    ],
)
def test_a_page_opens_on_its_own_defaults_where_its_url_says_nothing(page, query, field, value):
    state, notices = parse_state(query, PAGE_CHOICES, page)
    assert notices == []
    assert getattr(state, field) == value


def test_a_bad_value_falls_back_to_the_pages_default_and_the_notice_names_it():
    state, notices = parse_state({"indicator": "bogus"}, PAGE_CHOICES, ANALYSE_PAGE)
    assert state.indicator == "fragility_mean_score"
    assert notices == [Notice("indicator", "bogus", "fragility_mean_score")]
    state, notices = parse_state({"territories": "28,99"}, PAGE_CHOICES, COMPARER_PAGE)
    assert state.territories == ("28", "76", "FR")
    assert notices == [Notice("territories", "28,99", "28,76,FR")]


def test_a_page_default_the_data_does_not_offer_gives_the_apps_silently():
    state, notices = parse_state({}, CHOICES, ANALYSE_PAGE)  # no fragility_mean_score here
    assert (state.indicator, notices) == (AppState().indicator, [])


@pytest.mark.parametrize(
    ("page", "state", "query"),
    [
        (ANALYSE_PAGE, AppState(), "?indicator=partnership_innovation_share"),
        (
            ANALYSE_PAGE,
            AppState(indicator="fragility_mean_score"),
            "?indicator=fragility_mean_score",
        ),
        (COMPARER_PAGE, AppState(), "?actor=maires&territories="),
        (
            COMPARER_PAGE,
            AppState(territories=("28", "FR"), actor="citoyens"),
            "?actor=citoyens&territories=28%2CFR",
        ),
        ("/", AppState(), ""),  # the Carte states nothing more
    ],
)
def test_a_pages_own_urls_state_its_fields_and_read_back_exactly(page, state, query):
    assert page_query(page, state) == query
    params = dict(pair.split("=", 1) for pair in query.lstrip("?").split("&") if pair)
    params = {key: value.replace("%2C", ",") for key, value in params.items()}
    parsed, notices = parse_state(params, PAGE_CHOICES, page)
    assert (parsed, notices) == (state, [])


def test_links_to_other_pages_leave_the_pages_own_defaults_behind():
    state, _ = parse_state({"actor": "citoyens"}, PAGE_CHOICES, ANALYSE_PAGE)
    assert state_query(shared_state(state, {"actor": "citoyens"}, ANALYSE_PAGE)) == (
        "?actor=citoyens"
    )
    asked = {"indicator": "fragility_mean_score"}  # the reader's choice travels
    state, _ = parse_state(asked, PAGE_CHOICES, ANALYSE_PAGE)
    assert (
        state_query(shared_state(state, asked, ANALYSE_PAGE)) == "?indicator=fragility_mean_score"
    )
    state, _ = parse_state({}, PAGE_CHOICES, COMPARER_PAGE)
    assert shared_state(state, {}, COMPARER_PAGE).territories == ()
