"""The selected territory's outline and, on a commune map, its name."""

import pytest

from dashboard.figures.highlight import (
    HIGHLIGHT_LINE,
    SELECTION_NAME,
    highlight_values,
    selection_name_annotations,
)


@pytest.mark.parametrize(
    ("name", "lang", "text"),
    [
        ("Pont-Audemer", "fr", "Contour épais\u00a0: Pont-Audemer"),
        ("Pont-Audemer", "en", "Thick outline: Pont-Audemer"),
        ("L'Haÿ-les-Roses", "fr", "Contour épais\u00a0: L&#x27;Haÿ-les-Roses"),
        ("A<b>", "en", "Thick outline: A&lt;b&gt;"),  # Plotly reads a few tags: escaped
    ],
)
def test_the_name_is_written_in_a_corner_framed_like_the_outline(name, lang, text):
    (annotation,) = selection_name_annotations(name, lang)
    assert annotation["name"] == SELECTION_NAME
    assert annotation["text"] == text
    assert (annotation["xref"], annotation["yref"]) == ("paper", "paper")
    assert annotation["bordercolor"] == HIGHLIGHT_LINE["color"]


def test_nothing_chosen_nothing_named_nothing_outlined():
    assert selection_name_annotations(None, "fr") == []
    assert highlight_values(None) == {"locations": [], "z": []}
    assert highlight_values("27467") == {"locations": ["27467"], "z": [0]}
