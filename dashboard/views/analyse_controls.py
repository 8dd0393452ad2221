"""The Analyse page's controls: for each one its options, its value, and whether it is disabled
and why, from the table shown (pure; the page lays them out as dropdowns).

The rules (:func:`filter_rules`): a filter that a dimension replaces is disabled with the reason
("in rows or columns"); the fragility is disabled, with that reason or "indicator given for
all domains together", when the table has none; the segment is disabled when the actor is a
dimension too (each actor has its own segments); the fragility group applies only when the
fragilities are a dimension. "Fragility" is no dimension for an indicator that is not given
per fragility; the values are written on the regions only when the territory is a dimension
(only the maps have labels).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.context import DataContext
from dashboard.core.state import FRANCE, AppState
from dashboard.text.i18n import t
from dashboard.views.analyse_table import ALL_GROUPS, DIMENSIONS, TableChoice
from dashboard.views.options import dataset_option, option
from phare.microdata_format import SURVEYED_ACTORS

IN_TABLE, NOT_A_DIMENSION = "is_a_dimension", "not_a_dimension"  # keys of the reasons


@dataclass(frozen=True)
class Rule:
    """Whether a control is disabled, and the key of the reason said (None: none said)."""

    disabled: bool
    reason: str | None = None


@dataclass(frozen=True)
class Control:
    """One dropdown: the state field it sets (its id is ``analyse-<name>``), its label, its
    options (``label``, ``value``; ``disabled`` and ``title`` when one cannot be chosen), its
    value, and whether it is disabled and why (``reason``, the dropdown's title)."""

    name: str
    label: str
    options: tuple[dict, ...]
    value: object
    disabled: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class AnalysisControls:
    dropdowns: dict[str, Control]  # by name: the dataset, indicator, dimensions and filters
    labels: bool  # the "write the values on the regions" box, ticked or not
    labels_shown: bool  # only the maps have labels: shown when the territory is a dimension


def filter_rules(choice: TableChoice) -> dict[str, Rule]:
    """Which filters the table's dimensions disable, and why (see the module's docstring)."""
    dimensions = (choice.rows, choice.cols)

    def replaced(name: str) -> Rule:
        return Rule(True, IN_TABLE) if name in dimensions else Rule(False)

    fragility = Rule(False)
    if choice.fragility is None:
        fragility = Rule(True, IN_TABLE if "fragility" in dimensions else NOT_A_DIMENSION)
    segment = replaced("segment")
    if "actor" in dimensions and not segment.disabled:
        segment = Rule(True)
    return {
        "fragility": fragility,
        "actor": replaced("actor"),
        "segment": segment,
        "territory": replaced("territory"),
        "group": Rule("fragility" not in dimensions),
    }


def dimension_options(per_fragility: bool, lang: str) -> tuple[dict, ...]:
    """The dimensions a table's rows or columns can be; the fragilities only for an indicator
    given per fragility."""
    return tuple(
        option(d, t(f"dim_{d}", lang), per_fragility or d != "fragility", t(NOT_A_DIMENSION, lang))
        for d in DIMENSIONS
    )


def analysis_controls(
    context: DataContext, state: AppState, choice: TableChoice
) -> AnalysisControls:
    """The controls of the table ``choice`` (the state's effective one) in the state's language."""
    lang = state.lang
    rules = filter_rules(choice)
    values = {
        "dataset": state.dataset,
        "indicator": state.indicator,
        "fragility": choice.fragility,
        "rows": choice.rows,
        "cols": choice.cols,
        "actor": choice.actor,
        "segment": choice.segment,
        "territory": choice.territory,
        "group": choice.group or ALL_GROUPS,
    }
    dropdowns = {}
    for name, (label, options) in _options(context, state, choice).items():
        rule = rules.get(name, Rule(False))
        reason = t(rule.reason, lang) if rule.reason else None
        dropdowns[name] = Control(name, label, options, values[name], rule.disabled, reason)
    dimensions = (choice.rows, choice.cols)
    return AnalysisControls(dropdowns, state.labels, "territory" in dimensions)


def _options(
    context: DataContext, state: AppState, choice: TableChoice
) -> dict[str, tuple[str, tuple[dict, ...]]]:
    """Each control's label and options, in the page's order."""
    catalogue, lang = context.catalogue, state.lang
    per_fragility = catalogue.indicators[state.indicator].per_fragility
    dimensions = dimension_options(per_fragility, lang)
    return {
        "dataset": (
            t("dataset", lang),
            tuple(dataset_option(k, d, lang) for k, d in context.datasets.items()),
        ),
        "indicator": (
            t("indicator", lang),
            tuple(option(i.id, i.label(lang), True) for i in catalogue.indicators.values()),
        ),
        "fragility": (
            t("fragility", lang),
            tuple(option(f.id, f.label(lang), True) for f in catalogue.fragilities.values()),
        ),
        "rows": (t("rows_label", lang), dimensions),
        "cols": (t("cols_label", lang), dimensions),
        "actor": (
            t("actor", lang),
            tuple(option(a, catalogue.actors[a].label(lang), True) for a in SURVEYED_ACTORS),
        ),
        "segment": (
            t("segment", lang),
            tuple(
                option(s.id, s.label(lang), True)
                for s in catalogue.segments.values()
                if s.actor in (None, choice.actor)
            ),
        ),
        "territory": (
            t("territory_filter", lang),
            (
                option(FRANCE, "France", True),
                *(option(code, r.name, True) for code, r in catalogue.regions.items()),
            ),
        ),
        "group": (
            t("group_filter", lang),
            (
                option(ALL_GROUPS, t("all_groups", lang), True),
                *(option(g.id, g.label(lang), True) for g in catalogue.fragility_groups.values()),
            ),
        ),
    }
