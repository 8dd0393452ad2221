"""Lookups on the full reference table (the session's French build)."""

import pytest

from geodata.cache import load_manifest
from geodata.lookups import Gazetteer, normalise


@pytest.fixture(scope="module")
def gazetteer(settings):
    return Gazetteer.from_manifest(load_manifest(settings.geodata_cache_dir))


def codes(matches) -> list[str]:
    return [match.code for match in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saint-Étienne", "saint etienne"),
        ("st etienne", "saint etienne"),
        ("ST-ÉTIENNE", "saint etienne"),
        ("Ste-Foy-lès-Lyon", "sainte foy les lyon"),
        ("L'Haÿ-les-Roses", "l hay les roses"),
        ("Œuilly", "oeuilly"),
    ],
)
def test_names_compare_without_accents_case_hyphens_or_abbreviations(text, expected):
    assert normalise(text) == expected


def test_celles_gives_the_five_current_communes_with_their_departments(gazetteer):
    exact = [m for m in gazetteer.search("Celles") if m.name == "Celles"]
    assert sorted((m.code, m.department) for m in exact) == [
        ("09093", "09"),
        ("15031", "15"),
        ("17076", "17"),
        ("24090", "24"),
        ("34072", "34"),
    ]
    assert codes(gazetteer.search("Celles"))[:5] == codes(exact)


def test_st_etienne_ranks_saint_etienne_first(gazetteer):
    assert codes(gazetteer.search("st etienne"))[0] == "42218"
    assert codes(gazetteer.search("SAINT ETIENNE"))[0] == "42218"


def test_a_paris_postal_code_gives_paris(gazetteer):
    first = gazetteer.search("75001")[0]
    assert (first.code, first.found_by) == ("75056", "code postal")


def test_a_shared_postal_code_returns_every_commune(gazetteer):
    found = gazetteer.by_postal_code("01400")
    assert len(found) >= 10
    assert "01093" in codes(found)  # Châtillon-sur-Chalaronne
    assert all(m.found_by == "code postal" for m in found)


def test_a_former_code_returns_the_current_commune(gazetteer):
    match = gazetteer.search("85030")[0]
    assert (match.code, match.name, match.found_by) == ("85084", "Essarts-en-Bocage", "ancien code")


def test_a_delegated_commune_name_leads_to_its_commune(gazetteer):
    match = next(m for m in gazetteer.search("Les Essarts") if m.found_by == "commune déléguée")
    assert match.code == "85084"


def test_homonyms_are_narrowed_by_department(gazetteer):
    everywhere = [
        m for m in gazetteer.search("Saint-Martin", limit=500) if m.name == "Saint-Martin"
    ]
    assert sorted(m.department for m in everywhere) == ["32", "54", "65", "67"]
    assert codes(gazetteer.search("Saint-Martin", department="65"))[0] == "65392"
    assert codes(gazetteer.search("Saint-Martin (65)"))[0] == "65392"


def test_hierarchy_and_extent(gazetteer):
    assert gazetteer.parents("42218") == ("42", "84")
    extent = gazetteer.extent("commune", "42218")
    assert extent.min_lon < extent.lon < extent.max_lon
    assert 45.3 < extent.lat < 45.6
    reunion = gazetteer.extent("region", "04")
    assert reunion.max_lon < -5  # drawn in its inset, west of the mainland


def test_an_unknown_query_finds_nothing(gazetteer):
    assert gazetteer.search("Xyzzyville") == []
    assert gazetteer.search("00000") == []


@pytest.mark.parametrize(
    ("query", "code"), [("Paris", "75056"), ("Lyon", "69123"), ("Marseille", "13055")]
)
def test_a_city_with_arrondissements_comes_first_for_its_own_name(gazetteer, query, code):
    # Found by its name and again by each arrondissement's: it keeps its first, best place.
    assert codes(gazetteer.search(query))[0] == code
