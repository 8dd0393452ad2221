import pytest

from dashboard.views.carte_search import option_for, search_options


def test_a_region_name_finds_the_region_before_communes_of_that_name(context):
    options = search_options(context, "Bretagne")
    assert options[0] == {"label": "Bretagne — région", "value": "53"}
    assert any(option["label"].startswith("Bretagne (90)") for option in options)


def test_departments_are_prefixed_so_they_never_collide_with_region_codes(context):
    values = [option["value"] for option in search_options(context, "Calvados")]
    assert "dep-14" in values


def test_communes_by_name_postal_code_and_former_code(context):
    assert search_options(context, "Saint-Malo")[0]["value"] == "35288"
    assert search_options(context, "35400")[0]["value"] == "35288"
    found = search_options(context, "14114")  # Bures-sur-Dives, merged into Troarn
    troarn = [option for option in found if option["value"] == "14712"]
    assert troarn and "←" in troarn[0]["label"]


@pytest.mark.parametrize("query", ["", " ", "a", None])
def test_too_short_queries_give_nothing(context, query):
    assert search_options(context, query) == []


def test_the_selected_territory_keeps_its_option(context):
    assert option_for(context, "dep-14", "fr") == [
        {"label": "Calvados (14) — département", "value": "dep-14"}
    ]
    assert option_for(context, "FR", "fr") == []
