import pytest

from dashboard.text.i18n import TEXT, labelled, t
from phare.catalogue import load_catalogue
from tests.dashboard.french_words import french_words, source_names, without_names


def test_every_string_exists_in_french_and_english():
    assert all(set(entry) == {"fr", "en"} for entry in TEXT.values())


def test_labels_are_followed_by_a_colon_spaced_for_each_language():
    assert labelled("source", "fr") == "Source : "
    assert labelled("source", "en") == "Source: "


@pytest.mark.parametrize(
    ("lang", "expected"), [("fr", "Légende"), ("en", "Legend"), ("de", "Légende")]
)
def test_unknown_languages_fall_back_to_french(lang, expected):
    assert t("legend", lang) == expected


def english_texts() -> dict[str, str]:
    """Every English text of the interface strings and of the catalogue, by where it comes from."""
    catalogue = load_catalogue()
    texts = {f"TEXT[{key!r}]": entry["en"] for key, entry in TEXT.items()}
    entries = [
        *catalogue.actors.values(),
        *catalogue.fragility_groups.values(),
        *catalogue.fragilities.values(),
        *catalogue.indicators.values(),
        *catalogue.programmes.values(),
        *catalogue.studies.values(),
        *catalogue.segments.values(),
        *catalogue.statuses.values(),
    ]
    for entry in entries:
        for field, value in entry.model_dump().items():
            if field.endswith("_en") and value:
                texts[f"{type(entry).__name__} {entry.id}.{field}"] = value
    for unit_id, unit in catalogue.files.units.items():
        texts[f"unit {unit_id}.label_en"] = unit.label_en
    return texts


def test_no_english_text_holds_a_french_word():
    names = source_names(load_catalogue())
    found = {
        where: french_words(without_names(text, names)) for where, text in english_texts().items()
    }
    assert not {where: words for where, words in found.items() if words}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share of respondents who see partnerships", []),
        ("Part des répondants", ["des", "répondants"]),
        ("source d'innovation", ["d'"]),
        ("the map's legend, companies' heads", []),
    ],
)
def test_the_stop_list_finds_french_words_only(text, expected):
    assert [word for word, _ in french_words(text)] == expected


def test_a_link_s_query_is_not_wording():
    assert french_words("Link: https://phare.example/?actor=citoyens&lang=en") == []
    assert [word for word, _ in french_words("the citoyens view")] == ["citoyens"]
