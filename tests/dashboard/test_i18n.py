import pytest

from dashboard.i18n import TEXT, labelled, t


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
