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


def test_a_regional_chart_links_its_files_with_the_region_and_the_page_its_credit(dash_app):
    layout = region_layout(dash_app, "28")
    png = find(layout, "indicators-partnership-png")
    assert png.href.startswith("/export/chart/indicators-partnership.png?")
    assert "territory=28" in png.href
    credit = text_of(find(layout, "share-credit"))
    assert credit.startswith("Observatoire des partenariats, Programme PHARE (2015-2016) : ")
    assert "PHARE-Institutions (COMISIS)" in credit and "Source : Le RAMEAU" in credit
    assert "/region/28?release=publie-" in credit  # ends with the link to the exact view
    assert "Copier la mention" in text_of(find(layout, "copy-credit"))


def test_the_france_page_has_its_credit_line(dash_app):
    credit = text_of(find(region_layout(dash_app, "FR"), "share-credit"))
    assert "PHARE-Citoyens (COMISIS – OpinionWay, terrain : septembre 2015)" in credit


def test_the_gaps_chart_links_its_files_with_the_region_and_fragility(dash_app):
    layout = region_layout(dash_app, "28", dataset="simule", fragility="securite")
    csv = find(layout, "gaps-csv-standard")
    assert csv.href.startswith("/export/chart/gaps.csv?")
    assert "territory=28" in csv.href and "fragility=securite" in csv.href
