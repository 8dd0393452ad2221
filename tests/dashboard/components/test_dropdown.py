import pytest
from dash import dcc, html

from dashboard.components.dropdown import dropdown_labels, labelled_dropdown


def test_a_labelled_dropdown_is_a_group_named_by_its_label():
    group = labelled_dropdown("actor", "Acteur interrogé", "fr", options=[], value=None)
    label, dropdown = group.children
    assert group.role == "group"
    assert getattr(group, "aria-labelledby") == label.id == "actor-label"
    assert (label.htmlFor, label.children) == ("actor", "Acteur interrogé")
    assert isinstance(label, html.Label) and isinstance(dropdown, dcc.Dropdown)
    assert dropdown.id == "actor" and dropdown.labels == dropdown_labels("fr")


@pytest.mark.parametrize(
    ("lang", "clear", "search"),
    [("fr", "Effacer la sélection", "Rechercher"), ("en", "Clear selection", "Search")],
)
def test_the_dropdown_speaks_the_page_language(lang, clear, search):
    labels = dropdown_labels(lang)
    assert (labels["clear_selection"], labels["search"]) == (clear, search)
    assert labels["selected_count"] == ""  # the chosen names are shown instead (Label in Name)
    assert set(labels) == set(dcc.Dropdown.Labels.__annotations__)  # every word of Dash 4.4
