"""Interface strings, French first. Data labels (actors, indicators…) live in the catalogue."""

from __future__ import annotations

from dashboard.text.words import (
    analyse,
    carte,
    common,
    commune,
    comparer,
    coverage,
    donnees,
    exports,
    france,
    region,
    sharing,
    slides,
    upload,
)

LANGUAGES = ("fr", "en")

SCREENS = (
    common,
    carte,
    region,
    france,
    commune,
    comparer,
    analyse,
    donnees,
    sharing,
    upload,
    coverage,
    exports,
    slides,
)


def _gathered() -> dict[str, dict[str, str]]:
    """Every screen's strings in one catalogue; a key defined twice is a mistake."""
    text: dict[str, dict[str, str]] = {}
    for screen in SCREENS:
        twice = text.keys() & screen.TEXT.keys()
        if twice:
            raise ValueError(f"{screen.__name__} defines again {sorted(twice)}")
        text |= screen.TEXT
    return text


TEXT: dict[str, dict[str, str]] = _gathered()


def labelled(key: str, lang: str = "fr") -> str:
    """A label followed by a colon, spaced as each language writes it ("Source : " / "Source: ")."""
    return t(key, lang) + (" : " if lang == "fr" else ": ")


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The interface string ``key`` in ``lang`` (French when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang, entry["fr"])
    return text.format(**values) if values else text
