import pytest

from dashboard.core.state import AppState, Notice, StateChoices, parse_state, state_query

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
