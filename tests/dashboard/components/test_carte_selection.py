"""The selection panel: a chosen commune leads to its page first, and to its region's communes
with the commune kept as the selected territory."""

from urllib.parse import urlsplit

import pytest
from dash import html

from dashboard.components.carte_selection import commune_page_link, selection_panel
from dashboard.core.state import AppState
from dashboard.views.carte import map_view
from tests.layout_tree import of_type


def links(context, state: AppState) -> list[tuple[str, str, str]]:
    """(text, path, query) of each link of the panel, in order."""
    panel = selection_panel(context, map_view(context, state), state)
    found = []
    for link in of_type(panel, html.A):
        url = urlsplit(link.href)
        found.append((link.children, url.path, url.query))
    return found


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            AppState(territory="27467"),
            [
                ("Voir la page de la commune", "/commune/27467", "territory=27467"),
                ("Voir les communes", "/", "level=commune&territory=27467"),
                ("Voir le profil", "/region/28", "territory=27467"),
            ],
        ),
        (
            AppState(territory="27467", lang="en", dataset="simule"),
            [
                (
                    "See the municipality's page",
                    "/commune/27467",
                    "dataset=simule&territory=27467&lang=en",
                ),
                (
                    "See the municipalities",
                    "/",
                    "dataset=simule&level=commune&territory=27467&lang=en",
                ),
                ("See the profile", "/region/28", "dataset=simule&territory=27467&lang=en"),
            ],
        ),
        (
            AppState(territory="28"),
            [
                ("Voir les communes", "/", "level=commune&territory=28"),
                ("Voir le profil", "/region/28", "territory=28"),
            ],
        ),
        (
            AppState(territory="dep-27"),
            [
                ("Voir les communes", "/", "level=commune&territory=28"),
                ("Voir le profil", "/region/28", "territory=dep-27"),
            ],
        ),
    ],
)
def test_a_chosen_commune_gets_its_page_first_and_stays_chosen_on_the_commune_map(
    context, state, expected
):
    assert links(context, state) == expected


def test_the_commune_page_link_is_a_prominent_real_link_for_communes_only():
    (link,) = commune_page_link(AppState(territory="27467"))
    assert isinstance(link, html.A) and "btn-primary" in link.className
    assert commune_page_link(AppState(territory="28")) == []
    assert commune_page_link(AppState()) == []


def test_the_commune_map_keeps_the_commune_and_its_panel_says_so(context):
    state = AppState(level="commune", territory="27467")
    panel = selection_panel(context, map_view(context, state), state)
    heading, lines = panel[0], panel[1]
    assert heading.children == ["Territoire choisi", " : ", "Pont-Audemer"]
    # what the map shows for the commune itself (it is drawn on this map): no value of its own
    assert [item.children for item in lines.children] == [
        "sans valeur pour la commune",
        "ni pour sa strate (région × taille) ; la valeur de la région Normandie est donnée sous "
        "la carte",
    ]
