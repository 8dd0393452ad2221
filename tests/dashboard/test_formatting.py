import math

import pytest

from dashboard.formatting import format_count, format_value

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (87, "pct", "fr", f"87{NBSP}%"),
        (8.5, "pct", "fr", f"8,5{NBSP}%"),
        (87, "pct", "en", "87%"),
        (6.5, "score_1_10", "fr", "6,5"),
        (7, "score_1_10", "fr", "7,0"),
        (6.5, "score_1_10", "en", "6.5"),
        (1192000, "count", "fr", f"1{NNBSP}192{NNBSP}000"),
        (4.5, "avg_count", "fr", "4,5"),
        (8.5, "pct_points", "fr", f"+8,5{NBSP}pts"),
        (-2, "pct_points", "fr", f"-2{NBSP}pts"),
        (None, "pct", "fr", ""),
        (math.nan, "pct", "fr", ""),
    ],
)
def test_values_follow_the_reader_s_locale(value, unit, lang, expected):
    assert format_value(value, unit, lang) == expected


def test_counts_use_thin_spaces_in_french():
    assert format_count(2024, "fr") == f"2{NNBSP}024"
    assert format_count(2024, "en") == "2,024"
