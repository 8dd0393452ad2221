"""Text widths in the slides' font (Liberation Sans: Arial's advances) and wrapping to pixels."""

import pytest

from dashboard.figures.text_metrics import text_width, wrap_text

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("text", "bold", "expected"),
    [
        ("W", False, 1933 / 2048 * 12),  # Arial's advance widths, in units per em
        ("i", False, 455 / 2048 * 12),
        ("Source", False, 38.015625),
        ("Source : ", True, 51.328125),
        (f"1{NNBSP}012 répondants", False, 91.703125),
        ("", False, 0),
    ],
)
def test_text_width_at_12_px(text, bold, expected):
    assert text_width(text, 12, bold=bold) == pytest.approx(
        expected, abs=1 / 64
    )  # 26.6 fixed point


@pytest.mark.parametrize(
    ("text", "width", "first", "expected"),
    [
        ("un deux trois quatre cinq", 60, None, ["un deux", "trois", "quatre cinq"]),
        ("un deux trois quatre cinq", 60, 20, ["un", "deux trois", "quatre cinq"]),
        ("  espaces   et\nretours ", 200, None, ["espaces et retours"]),
        # a no-break space never breaks: « 1 456 » stays on one line
        (
            f"de 53 à 1{NNBSP}456 répondants",
            60,
            None,
            ["de 53 à", f"1{NNBSP}456", "répondant", "s"],
        ),
        # a word wider than a line (a link) is cut, after « ? » or « & » when one fits
        ("http://h/?a=1&b=2&c=3", 50, None, ["http://h/?", "a=1&", "b=2&c=3"]),
        ("abcdefghij", 20, None, ["abc", "def", "ghij"]),
        ("", 20, None, [""]),
    ],
)
def test_wrap_text_keeps_every_character(text, width, first, expected):
    lines = wrap_text(text, width, 12, first=first)
    assert lines == expected
    assert all(text_width(line, 12) <= width for line in lines[1:])
    assert text_width(lines[0], 12) <= (width if first is None else first)


def test_bold_text_is_measured_bold():
    text = "Note moyenne de fragilité"
    assert text_width(text, 24, bold=True) > text_width(text, 24) + 10
    width = text_width(text, 24) + 1  # room for the regular line, not the bold one
    assert wrap_text(text, width, 24) == [text]
    assert wrap_text(text, width, 24, bold=True) == ["Note moyenne de", "fragilité"]
