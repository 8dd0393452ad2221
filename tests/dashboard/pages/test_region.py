"""The region page without a browser: a profile opens with what is published for its region;
``/region/FR`` is the France page."""

import dash

from tests.layout_tree import find, text_of


def region_layout(dash_app, code: str, **query):
    layout = next(
        p["layout"] for p in dash.page_registry.values() if p["path_template"] == "/region/<code>"
    )
    with dash_app.server.app_context():
        return layout(code, **query)


def test_a_profile_opens_with_what_is_published_for_its_region(dash_app):
    text = text_of(region_layout(dash_app, "53"))
    assert "Aucun chiffre régional publié pour la Bretagne" in text
    assert "ce que disent les enquêtes nationales" in text


def test_fr_is_the_france_page(dash_app, client):
    assert client.get("/region/FR").status_code == 200
    text = text_of(region_layout(dash_app, "FR"))
    assert "France : ce que disent les enquêtes nationales" in text
    assert client.get("/region/XX").status_code == 404


def test_the_france_page_s_embed_goes_straight_to_its_chart(dash_app):
    full = text_of(region_layout(dash_app, "FR"))
    embedded = text_of(region_layout(dash_app, "FR", embed="1"))
    intro = "Les chiffres nationaux publiés, acteur par acteur"
    assert intro in full and intro not in embedded
    assert "Les 16 fragilités : le regard croisé des acteurs" in embedded
    # the chart comes before the notes on how to read it
    section = find(region_layout(dash_app, "FR", embed="1"), "france-fragilities")
    kinds = [type(child).__name__ for child in section.children]
    assert kinds.index("Loading") < kinds.index("Aside")
