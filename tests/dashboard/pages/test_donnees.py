"""The Données & méthodologie page without a browser: it answers, and its layout says what it must.

Dash imports page modules under its own name, so the layout is taken from ``dash.page_registry``
(importing the module again would register the page twice).
"""

import dash
import pytest

from dashboard.core.context import Unavailable
from dashboard.server.current import EXTENSION_KEY
from tests.layout_tree import find, text_of


def page_layout(dash_app, **query):
    layout = next(p["layout"] for p in dash.page_registry.values() if p["path"] == "/donnees")
    with dash_app.server.app_context():
        return layout(**query)


@pytest.mark.parametrize("query", ["", "?actor=zzz", "?actor=citoyens&dataset=simule&lang=en"])
def test_the_page_answers(client, query):
    assert client.get(f"/donnees{query}").status_code == 200


def test_the_layout_holds_the_view_its_studies_rules_and_links(dash_app):
    page = page_layout(dash_app, actor="citoyens", indicator="partnership_innovation_share")
    grid = find(page, "data-table")
    burgundy = next(row for row in grid.rowData if row["code"] == "27")
    assert (burgundy["value"], burgundy["value_label"]) == (75.0, "75\u00a0%")
    assert len(grid.rowData) == 13
    assert grid.dashGridOptions["pinnedBottomRowData"][0]["code"] == "FR"
    assert find(page, "back-to-map").href == "/?actor=citoyens"
    assert find(page, "download-csv").href == "/export/view.csv?actor=citoyens&flavour=fr"
    assert find(page, "download-csv-standard").href == (
        "/export/view.csv?actor=citoyens&flavour=standard"
    )
    assert "inférieure à 30" in text_of(find(page, "rules-list"))
    assert "PHARE-Citoyens" in text_of(find(page, "studies-table"))
    assert "Licence Ouverte" in text_of(find(page, "credits-table"))
    assert text_of(find(page, "view-caption")).startswith("Indicateur : Partenariats")


def test_a_bad_parameter_shows_a_notice_and_the_default_view(dash_app):
    page = page_layout(dash_app, actor="zzz")
    assert "« zzz »" in text_of(find(page, "notices"))
    assert "Maires" in text_of(find(page, "view-caption"))


def test_without_data_the_page_says_why(dash_app, monkeypatch):
    monkeypatch.setitem(dash_app.server.extensions, EXTENSION_KEY, Unavailable("no geometry"))
    assert "no geometry" in text_of(page_layout(dash_app))


def test_the_page_shows_what_is_published_with_its_explanation(dash_app):
    page = page_layout(dash_app)
    section = find(page, "known")
    assert text_of(section).startswith("Ce qui est publié Combien de chiffres les sources publient")
    table = find(page, "coverage-table")
    assert table is not None and "Bretagne" in text_of(table)


def test_with_microdata_the_page_says_the_table_covers_published_figures_only(dash_app):
    page = page_layout(dash_app, dataset="simule")
    assert find(page, "coverage-table") is None
    note = find(page, "coverage-published-only")
    assert "ne porte que sur les chiffres publiés" in text_of(note)


def test_no_csv_link_points_at_an_empty_view(dash_app, client):
    """A view with a national figure only offers its national chart's files; a view with no
    value at all offers none and says where to look."""
    national = page_layout(
        dash_app, actor="citoyens", indicator="fragility_mean_score", fragility="emploi"
    )
    assert find(national, "download-csv") is None
    link = find(national, "carte-national-csv-fr")
    assert link is not None and client.get(link.href).status_code == 200
    empty = page_layout(
        dash_app, actor="maires", indicator="fragility_mean_score", fragility="emploi"
    )
    assert find(empty, "download-csv") is None and find(empty, "download-none") is not None
    regional = page_layout(dash_app)
    assert client.get(find(regional, "download-csv").href).status_code == 200


def test_the_page_explains_the_france_page_and_links_to_it(dash_app):
    layout = page_layout(dash_app)
    assert "la page France les réunit" in text_of(find(layout, "france-page"))
    assert find(layout, "france-page-link").href.startswith("/region/FR")
