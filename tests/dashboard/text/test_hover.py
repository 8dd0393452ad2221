import math

import pytest

from dashboard.text.hover import value_label

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (87.4, "pct", "fr", f"87{NBSP}%"),
        (87.5, "pct", "fr", f"88{NBSP}%"),
        (6.54, "score_1_10", "fr", "6,5"),
        (6.54, "score_1_10", "en", "6.5"),
        (math.nan, "pct", "fr", ""),
        (None, "pct", "fr", ""),
        (1234.0, "count", "fr", f"1{chr(0x202F)}234"),
    ],
)
def test_values_are_rounded_to_what_the_unit_deserves_in_french_first(value, unit, lang, expected):
    assert value_label(value, unit, lang) == expected
