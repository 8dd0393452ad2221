"""The commune map and the commune page say the same thing: no commune's hover or table row
carries a value, or a stratum's words, that the commune's own page does not show."""

import re

import dash
import pytest

from dashboard.components.values_table import table_rows
from dashboard.core.state import AppState, state_query
from dashboard.views.carte import map_view
from tests.layout_tree import find, text_of

# Five communes in three regions: Normandie, Auvergne-Rhône-Alpes, Bourgogne-Franche-Comté.
COMMUNES = {
    "27467": "28",  # Pont-Audemer, 10 000 inhabitants and more
    "27278": "28",  # Garennes-sur-Eure, 500 to 1 999
    "69123": "84",  # Lyon
    "07184": "84",  # Pranles, under 500
    "71024": "27",  # Baugy
}
# a number as the page writes it: 77 %, 6,4, 10 000
NUMBER = re.compile(r"\d+(?:[\u202f\u00a0 ]\d{3})*(?:,\d+)?(?:\u00a0%)?")
VIEWS = [
    AppState(),  # published: the mayors' innovation share, the default view
    AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi"),
    AppState(dataset="simule"),  # simulated: the mayors' strata have values
    AppState(dataset="simule", indicator="fragility_mean_score", fragility="emploi"),
]


def commune_page_text(dash_app, code: str, state: AppState) -> str:
    """What ``/commune/<code>``, opened from the Carte's link (its state kept), says of the
    commune's own stratum: the rest of the page is its region's profile, labelled as such."""
    layout = next(
        p["layout"] for p in dash.page_registry.values() if p["path_template"] == "/commune/<insee>"
    )
    query = dict(pair.split("=") for pair in state_query(state).lstrip("?").split("&") if pair)
    with dash_app.server.app_context():
        return text_of(find(layout(code, **query), "commune-stratum"))


@pytest.mark.parametrize("state", VIEWS, ids=lambda s: f"{s.dataset}-{s.actor}-{s.indicator}")
def test_what_the_map_says_of_a_commune_its_page_says_too(context, dash_app, state):
    by_region = {}
    for code, region in COMMUNES.items():
        if region not in by_region:
            shown = state.model_copy(update={"level": "commune", "territory": region})
            by_region[region] = map_view(context, shown)
        view = by_region[region]
        row = view.frame.set_index("code").loc[code]
        table = next(r for r in table_rows(_only(view, code)) if r["code"] == code)
        said = [*row["details"], table["value"], table["interval"], table["status"]]
        page = commune_page_text(dash_app, code, state)
        for text in said:
            for number in NUMBER.findall(text):
                assert number in page, (code, text)
        stratum_lines = [line for line in row["details"] if line.startswith("valeur de la strate")]
        for line in stratum_lines:
            assert line in page, (code, line)
        if row["value_label"]:
            assert row["value_label"] in page


def test_the_simulated_strata_give_values_to_check(context):
    """The walk above is not empty: with simulated data some of the communes have a value."""
    valued = []
    for code, region in COMMUNES.items():
        view = map_view(context, AppState(dataset="simule", level="commune", territory=region))
        valued.append(bool(view.frame.set_index("code").loc[code, "value_label"]))
    assert sum(valued) == 3


def _only(view, code: str):
    """``view`` with its frame cut to one commune (the table shows the first rows only)."""
    return type(view)(**{**view.__dict__, "frame": view.frame[view.frame["code"] == code]})
