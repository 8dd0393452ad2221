"""What the Analyse view gives its figures and its grid: plain data, exact texts and numbers."""

import numpy as np
import pytest

from dashboard.core.state import ANALYSE_PAGE, FRANCE, parse_state
from dashboard.views.analyse import DOTS, HEATMAP, analysis_chart, analysis_view
from dashboard.views.analyse_grid import grid_columns, grid_rows
from dashboard.views.analyse_maps import LegendLine, analysis_maps
from dashboard.views.no_value import FRANCE_PAGE
from dashboard.views.small_multiples import MAX_PANELS

SCORES = {"indicator": "fragility_mean_score"}
SOCIAL = (
    "Pauvreté / lutte contre l'exclusion",
    "Mal-logement",
    "Diversité / handicap",
    "Vieillissement / intergénérationnel",
    "Isolement / lien social",
)
ACTORS = ("Citoyens", "Associations", "Entreprises", "Maires")
NNBSP, NBSP = "\u202f", "\u00a0"


def view_of(context, query: dict):
    state, problems = parse_state(query, context.choices)
    assert not problems
    view, _ = analysis_view(context, state)
    return view


def test_a_group_of_fragilities_is_a_dot_chart_under_its_group(context):
    view = view_of(context, {**SCORES, "rows": "fragility", "cols": "actor", "group": "sociaux"})
    chart = analysis_chart(context, view)
    assert chart.kind == DOTS
    assert chart.rows == SOCIAL
    assert chart.groups == ("Critères sociaux",) * len(SOCIAL)
    assert chart.columns == ACTORS
    assert chart.france == (False,) * 4
    assert chart.value_range == (1.0, 10.0)
    assert chart.axis_title == "Note moyenne de fragilité (1 à 10)"
    assert chart.hover[0].tolist() == [
        f"Pauvreté / lutte contre l'exclusion · Citoyens : 6,3 n = 2{NNBSP}024",
        "Pauvreté / lutte contre l'exclusion · Associations : 6,3 n = 703",
        "Pauvreté / lutte contre l'exclusion · Entreprises : 5,5",
        "Pauvreté / lutte contre l'exclusion · Maires : non publié",
    ]
    assert chart.texts[0].tolist() == ["6,3", "6,3", "5,5", "non publié"]
    assert chart.marks[0].tolist() == ["", "", "", ""]  # published figures are not tested
    assert np.isnan(chart.values[0, 3]) and chart.values[0, 0] == pytest.approx(6.3)


def test_the_sixteen_fragilities_are_a_heatmap(context):
    view = view_of(context, {**SCORES, "rows": "fragility", "cols": "actor"})
    chart = analysis_chart(context, view)
    assert chart.kind == HEATMAP
    assert len(chart.rows) == len(chart.groups) == 16
    assert chart.values.shape == chart.hover.shape == chart.lows.shape == (16, 4)
    emploi = chart.rows.index("Emploi / chômage / insertion")
    assert chart.groups[emploi] == "Critères économiques"
    assert chart.hover[emploi, :3].tolist() == [
        f"Emploi / chômage / insertion · Citoyens : 7,1 n = 2{NNBSP}024",
        "Emploi / chômage / insertion · Associations : 6,8 n = 703",
        "Emploi / chômage / insertion · Entreprises : 5,6",
    ]


def test_a_share_by_territory_is_on_its_full_scale_without_groups(context):
    query = {"dataset": "simule", "indicator": "partnership_rate"}
    chart = analysis_chart(context, view_of(context, {**query, "rows": "territory"}))
    assert chart.groups is None
    assert chart.rows[:2] == ("France", "Île-de-France")
    assert (chart.value_range, chart.axis_title) == ((0.0, 100.0), "Part des répondants (%)")


def test_no_maps_without_a_territory_dimension(context):
    view = view_of(context, {**SCORES, "rows": "fragility", "cols": "actor"})
    assert analysis_maps(context, view) is None


def test_the_maps_share_one_classification_and_one_legend(context):
    query = {"dataset": "simule", "indicator": "partnership_rate", "rows": "territory"}
    # the full scale, one choice away from the default (which follows the data)
    view = view_of(context, {**query, "cols": "actor", "classes": "fixed"})
    maps = analysis_maps(context, view)
    assert [panel.title for panel in maps.panels] == list(ACTORS)
    assert maps.dropped == ()
    assert maps.classification.upper == (20.0, 40.0, 60.0, 80.0, 100.0)
    class_of = [index for indices in maps.class_indices for index in indices]
    assert tuple(class_of) == maps.classification.class_of
    assert [len(i) for i in maps.class_indices] == [len(p.frame) for p in maps.panels]
    bounds = [f"{low}{NBSP}% – {low + 20}{NBSP}%" for low in range(0, 100, 20)]
    assert maps.legend[:5] == tuple(
        LegendLine(colour, label)
        for colour, label in zip(maps.classification.colours, bounds, strict=True)
    )
    present = {status for panel in maps.panels for status in panel.frame["status"]} - {"ok"}
    assert {line.label for line in maps.legend[5:]} == {
        state.label for state in maps.states if state.id in present
    }
    assert (maps.legend_title, maps.labels, maps.simulated) == ("Légende", False, True)


def test_members_beyond_the_grid_are_named_not_mapped(context):
    query = {**SCORES, "rows": "territory", "cols": "fragility"}
    maps = analysis_maps(context, view_of(context, query))
    assert len(maps.panels) == MAX_PANELS
    assert maps.dropped == (
        "Sécurité / délinquance",
        "Éducation",
        "Mobilité / transports",
        "Santé",
        "Accès au numérique",
        "Culture / loisirs",
        "Environnement / pollution / biodiversité",
        "Transition énergétique",
    )


def test_the_grid_columns_name_the_fields_of_its_rows(context):
    view = view_of(context, {**SCORES, "rows": "fragility", "cols": "actor", "group": "sociaux"})
    columns = grid_columns(context, view)
    fields = [c["field"] for c in columns if "field" in c]
    fields += [child["field"] for c in columns for child in c.get("children", [])]
    assert [c["headerName"] for c in columns] == ["Groupe", "Fragilités", *ACTORS]
    assert set(fields) <= set(grid_rows(view)[0])
    assert columns[2]["children"][0]["valueFormatter"] == {"function": "params.data.c0_text"}


# -- what the page opens on, and a table with nothing to draw -----------------------------------


def page_view(context, query: dict):
    """The view the page draws for ``/analyse?<query>`` (its own defaults filled in)."""
    state, problems = parse_state(query, context.choices, ANALYSE_PAGE)
    assert not problems
    view, adjusted = analysis_view(context, state)
    assert not adjusted
    return view


def cell(view, row: str, col: str) -> tuple[float, str]:
    at = [m.id for m in view.table.rows].index(row), [m.id for m in view.table.cols].index(col)
    return view.values[at], view.texts[at]


def test_the_page_opens_on_the_published_scores_by_fragility_and_actor_for_france(context):
    view = page_view(context, {})
    choice = view.table.choice
    assert (view.state.indicator, choice.rows, choice.cols, choice.territory) == (
        "fragility_mean_score",
        "fragility",
        "actor",
        FRANCE,
    )
    published = context.published.query(
        "actor == 'citoyens' and indicator == 'fragility_mean_score' and fragility == 'emploi'"
        " and region_code == 'FR' and confidence == 'high'"
    )
    assert cell(view, "emploi", "citoyens") == (published["value"].item(), "7,1")
    assert view.no_value is None


def test_the_default_table_is_the_richest_of_the_published_tables_for_france(context):
    """Each indicator's own default table, for France: none has more published values."""
    shown = {
        indicator: int((~np.isnan(page_view(context, {"indicator": indicator}).values)).sum())
        for indicator in context.catalogue.indicators
    }
    assert max(shown, key=shown.get) == page_view(context, {}).state.indicator


def test_the_apps_default_indicator_asked_for_is_the_table_shown(context):
    view = page_view(context, {"indicator": "partnership_innovation_share"})
    assert view.title == "Partenariats source d'innovation — Territoires × Acteurs"
    assert cell(view, "28", "maires")[1] == f"77{NBSP}%"


def test_a_table_with_no_value_says_so_and_where_to_look(context):
    query = {"indicator": "mayor_role_priority_share", "actor": "citoyens", "rows": "territory"}
    view = page_view(context, {**query, "cols": "segment"})
    assert np.isnan(view.values).all()
    assert view.no_value.text.startswith("Aucune valeur publiée dans ce tableau")
    assert (view.no_value.link_text, view.no_value.href) == ("Voir la page France", FRANCE_PAGE)
    english = page_view(context, {**query, "cols": "segment", "lang": "en"}).no_value
    assert english.text.startswith("No value published") and english.href.endswith("?lang=en")
