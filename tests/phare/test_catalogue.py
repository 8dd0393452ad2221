from pathlib import Path

import pytest

from phare.catalogue import CATALOGUE_DIR, load_catalogue
from phare.errors import CatalogueError


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_sixteen_fragilities_in_the_four_groups_of_the_sources(catalogue):
    by_group: dict[str, list[str]] = {}
    for fragility in catalogue.fragilities.values():
        by_group.setdefault(fragility.group, []).append(fragility.id)
    assert {group: len(ids) for group, ids in by_group.items()} == {
        "economiques": 3,
        "sociaux": 5,
        "societaux": 6,
        "environnementaux": 2,
    }
    assert "pauvrete" in by_group["sociaux"]


def test_every_entry_has_french_and_english_labels(catalogue):
    labelled = [
        *catalogue.actors.values(),
        *catalogue.fragilities.values(),
        *catalogue.fragility_groups.values(),
        *catalogue.indicators.values(),
        *catalogue.studies.values(),
        *catalogue.programmes.values(),
    ]
    assert all(entry.label_fr.strip() and entry.label_en.strip() for entry in labelled)


def test_every_indicator_has_a_question_and_a_known_unit(catalogue):
    for indicator in catalogue.indicators.values():
        assert indicator.question_fr.strip()
        assert indicator.unit in catalogue.files.units


def test_every_indicator_has_its_question_in_english_too(catalogue):
    for indicator in catalogue.indicators.values():
        assert indicator.question_en.strip() and indicator.question_en != indicator.question_fr
        assert indicator.question("en") == indicator.question_en
        assert indicator.question("fr") == indicator.question("de") == indicator.question_fr


def test_every_french_text_of_a_study_has_its_english_one(catalogue):
    for study in catalogue.studies.values():
        for field in ("citation", "population", "fieldwork"):
            french, english = getattr(study, f"{field}_fr"), getattr(study, f"{field}_en")
            assert (french is None) == (english is None), (study.id, field)
        assert (study.population("en"), study.fieldwork("en")) == (
            study.population_en,
            study.fieldwork_en,
        )
        assert study.citation("en") == (study.citation_en or study.label_en)
    regional = catalogue.studies["PHARE-Regional"]
    assert regional.citation("fr") == "PHARE – rapport régional 2016"
    assert regional.citation("en") == "PHARE – 2016 regional report"
    assert catalogue.studies["PHARE-Citoyens"].citation("en") == "PHARE-Citizens"


def test_thirteen_metropolitan_regions_with_2016_codes(catalogue):
    assert sorted(catalogue.regions) == sorted(
        ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]
    )


@pytest.mark.parametrize(
    ("code", "lang", "named"),
    [
        ("53", "fr", "la Bretagne"),
        ("11", "fr", "l'Île-de-France"),
        ("32", "fr", "les Hauts-de-France"),
        ("44", "fr", "le Grand Est"),
        ("53", "en", "Bretagne"),
    ],
)
def test_a_region_is_named_with_its_french_article(catalogue, code, lang, named):
    assert catalogue.regions[code].named(lang) == named


def test_every_region_named_with_an_article_ends_with_its_name(catalogue):
    for region in catalogue.regions.values():
        article, _, rest = region.the_fr.partition(" ")
        elided = region.the_fr.removeprefix("l'")
        assert (article in ("le", "la", "les") and rest == region.name) or elided == region.name


def copy_catalogue(tmp_path: Path) -> Path:
    for file in CATALOGUE_DIR.glob("*.yaml"):
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_duplicated_ids_are_refused(tmp_path):
    directory = copy_catalogue(tmp_path)
    actors = directory / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "- {id: maires, label_fr: x, label_en: x, population_fr: x, population_en: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="duplicated ids in actors: maires"):
        load_catalogue(directory).actors  # noqa: B018


def test_a_fragility_in_an_unknown_group_is_refused(tmp_path):
    directory = copy_catalogue(tmp_path)
    path = directory / "fragilities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("group: environnementaux", "group: climat"),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="unknown group 'climat'"):
        load_catalogue(directory)


def test_an_indicator_in_an_unknown_family_is_refused(tmp_path):
    directory = copy_catalogue(tmp_path)
    path = directory / "indicators.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("family: mayors", "family: maires", 1),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="unknown family 'maires'"):
        load_catalogue(directory)


def test_every_indicator_of_the_data_has_a_family_with_labels(catalogue):
    families = catalogue.families
    assert {indicator.family for indicator in catalogue.indicators.values()} <= set(families)
    assert all(family.label("fr") and family.label("en") for family in families.values())


def test_a_malformed_file_names_the_field(tmp_path):
    directory = copy_catalogue(tmp_path)
    (directory / "regions.yaml").write_text("- {code: '11'}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"regions\.0\.name"):
        load_catalogue(directory)


def test_the_status_table_has_every_state_with_distinct_fills(catalogue):
    assert list(catalogue.statuses) == [
        "ok",
        "prudence",
        "supprime",
        "non_publie",
        "sans_objet",
        "non_couvert",
        "hors_fichier",
        "sans_valeur_communale",
    ]
    fills = [status.fill for status in catalogue.statuses.values() if status.fill]
    # the two commune outlines share a look: each belongs to one commune layer of its own
    assert len(fills) == 6 and len(set(fills)) == 5
    outlines = {"hors_fichier", "sans_valeur_communale"}
    shared = [status.id for status in catalogue.statuses.values() if status.fill == "#ffffff"]
    assert set(shared) == outlines


def test_segments_belong_to_known_actors_and_fields(catalogue):
    by_actor = {}
    for segment in catalogue.segments.values():
        by_actor.setdefault(segment.actor, []).append(segment.id)
    assert by_actor["entreprises"] == ["10_49", "50_249", "250_plus", "1000_plus"]
    assert by_actor["associations"] == ["employeuses", "benevoles"]
    assert by_actor["maires"] == ["moins_500", "500_1999", "2000_9999", "10000_plus"]


def test_commune_size_classes_have_bounds_and_population_year(catalogue):
    classes = [s for s in catalogue.segments.values() if s.field == "commune_size_class"]
    assert [(s.min, s.max) for s in classes] == [(0, 499), (500, 1999), (2000, 9999), (10000, None)]
    assert {s.population_year for s in classes} == {2013}
