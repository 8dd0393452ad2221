"""The Analyse page's controls: which filter a table's dimensions disable and why, their options."""

import pytest

from dashboard.core.state import parse_state
from dashboard.views.analyse_controls import (
    IN_TABLE,
    NOT_A_DIMENSION,
    Rule,
    analysis_controls,
    filter_rules,
)
from dashboard.views.analyse_table import CONTROLS, TableChoice, table_choice

FREE = Rule(False)
IN_ROWS_OR_COLUMNS = Rule(True, IN_TABLE)


@pytest.mark.parametrize(
    ("rows", "cols", "fragility", "expected"),
    [
        (  # the default scores table: the fragility and the actor are in the table
            "fragility",
            "actor",
            None,
            {
                "fragility": IN_ROWS_OR_COLUMNS,
                "actor": IN_ROWS_OR_COLUMNS,
                "segment": Rule(True),
                "territory": FREE,
                "group": FREE,
            },
        ),
        (  # an indicator given for all domains together: no fragility to choose
            "territory",
            "actor",
            None,
            {
                "fragility": Rule(True, NOT_A_DIMENSION),
                "actor": IN_ROWS_OR_COLUMNS,
                "segment": Rule(True),
                "territory": IN_ROWS_OR_COLUMNS,
                "group": Rule(True),
            },
        ),
        (
            "territory",
            "segment",
            "pauvrete",
            {
                "fragility": FREE,
                "actor": FREE,
                "segment": IN_ROWS_OR_COLUMNS,
                "territory": IN_ROWS_OR_COLUMNS,
                "group": Rule(True),
            },
        ),
        (
            "segment",
            "actor",
            "sante",
            {
                "fragility": FREE,
                "actor": IN_ROWS_OR_COLUMNS,
                "segment": IN_ROWS_OR_COLUMNS,
                "territory": FREE,
                "group": Rule(True),
            },
        ),
        (
            "fragility",
            "segment",
            None,
            {
                "fragility": IN_ROWS_OR_COLUMNS,
                "actor": FREE,
                "segment": IN_ROWS_OR_COLUMNS,
                "territory": FREE,
                "group": FREE,
            },
        ),
        (
            "actor",
            "territory",
            "sante",
            {
                "fragility": FREE,
                "actor": IN_ROWS_OR_COLUMNS,
                "segment": Rule(True),
                "territory": IN_ROWS_OR_COLUMNS,
                "group": Rule(True),
            },
        ),
    ],
)
def test_a_dimension_disables_the_filter_it_replaces(rows, cols, fragility, expected):
    choice = TableChoice(rows, cols, "entreprises", "all", "FR", fragility, None)
    assert filter_rules(choice) == expected


def controls_of(context, query: dict):
    state, problems = parse_state(query, context.choices)
    assert not problems
    choice, _ = table_choice(context, state)
    return analysis_controls(context, state, choice)


@pytest.mark.parametrize(
    ("query", "disabled", "reason"),
    [
        ({"indicator": "fragility_mean_score"}, True, "en lignes ou en colonnes"),
        (
            {"indicator": "partnership_rate"},
            True,
            "indicateur donné pour l'ensemble des domaines",
        ),
        ({"indicator": "fragility_mean_score", "rows": "territory"}, False, None),
        (
            {"indicator": "partnership_rate", "rows": "territory", "lang": "en"},
            True,
            "indicator given for all domains together",
        ),
    ],
)
def test_the_fragility_says_why_it_cannot_be_chosen(context, query, disabled, reason):
    fragility = controls_of(context, query).dropdowns["fragility"]
    assert (fragility.disabled, fragility.reason) == (disabled, reason)


def test_the_fragilities_are_no_dimension_for_an_indicator_given_for_all_domains(context):
    for query, enabled in (
        ({"indicator": "fragility_mean_score"}, True),
        ({"indicator": "partnership_rate"}, False),
    ):
        controls = controls_of(context, query)
        for name in ("rows", "cols"):
            (fragility,) = [
                o for o in controls.dropdowns[name].options if o["value"] == "fragility"
            ]
            if enabled:
                assert fragility == {"label": "Fragilités", "value": "fragility"}
            else:
                reason = "indicateur donné pour l'ensemble des domaines"
                assert fragility == {
                    "label": f"Fragilités ({reason})",
                    "value": "fragility",
                    "disabled": True,
                    "title": reason,
                }


def test_the_segments_are_those_of_the_chosen_actor(context):
    query = {"indicator": "fragility_mean_score", "cols": "territory", "actor": "associations"}
    segment = controls_of(context, query).dropdowns["segment"]
    assert [o["value"] for o in segment.options] == ["all", "employeuses", "benevoles"]
    assert (segment.value, segment.disabled, segment.reason) == ("all", False, None)


def test_the_values_are_the_tables_and_all_groups_is_a_value(context):
    controls = controls_of(context, {"indicator": "fragility_mean_score"})
    values = {name: control.value for name, control in controls.dropdowns.items()}
    assert values == {
        "dataset": "publie",
        "indicator": "fragility_mean_score",
        "fragility": None,
        "rows": "fragility",
        "cols": "actor",
        "actor": "maires",
        "segment": "all",
        "territory": "FR",
        "group": "all",
    }
    group = controls_of(context, {"indicator": "fragility_mean_score", "group": "sociaux"})
    assert group.dropdowns["group"].value == "sociaux"


@pytest.mark.parametrize(
    ("rows", "cols", "shown"),
    [
        ("fragility", "actor", False),
        ("territory", "actor", True),
        ("segment", "territory", True),
    ],
)
def test_the_labels_box_only_with_the_maps(context, rows, cols, shown):
    query = {"indicator": "fragility_mean_score", "rows": rows, "cols": cols, "labels": "true"}
    controls = controls_of(context, query)
    assert (controls.labels, controls.labels_shown) == (True, shown)


def test_there_is_one_control_per_input_of_the_callback(context):
    controls = controls_of(context, {"indicator": "fragility_mean_score"})
    assert list(controls.dropdowns) == [*CONTROLS, "group"]
    assert all(control.name == name for name, control in controls.dropdowns.items())
