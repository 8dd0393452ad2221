import math

import pytest

from dashboard.text.numbers import (
    format_count,
    format_size,
    format_source_date,
    format_value,
    size_unit,
)

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


MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("n_bytes", "lang", "expected"),
    [
        (0, "fr", f"0{NBSP}octet"),
        (1, "fr", f"1{NBSP}octet"),
        (1, "en", f"1{NBSP}byte"),
        (2, "fr", f"2{NBSP}octets"),
        (0, "en", f"0{NBSP}bytes"),
        (1023, "fr", f"1{NNBSP}023{NBSP}octets"),
        (1024, "fr", f"1{NBSP}ko"),
        (1536, "en", f"1.5{NBSP}kB"),
        (2 * MIB, "fr", f"2{NBSP}Mo"),
        (2 * MIB, "en", f"2{NBSP}MB"),
        (2 * MIB + 1, "fr", f"2,1{NBSP}Mo"),  # rounded up: never reads as the limit
        (2 * MIB + 1, "en", f"2.1{NBSP}MB"),
        (round(3.4 * MIB), "fr", f"3,4{NBSP}Mo"),
        (3 * 1024 * MIB, "fr", f"3{NBSP}Go"),
        (5000 * 1024 * MIB, "fr", f"5{NNBSP}000{NBSP}Go"),
        (2 * MIB, "de", f"2{NBSP}Mo"),
    ],
)
def test_sizes_in_binary_multiples_rounded_up_to_a_tenth(n_bytes, lang, expected):
    assert format_size(n_bytes, lang) == expected


@pytest.mark.parametrize(
    ("n_bytes", "expected"),
    [(1023, (1, "octets")), (1024, (1024, "ko")), (2 * MIB, (MIB, "Mo")), (MIB - 1, (1024, "ko"))],
)
def test_a_size_is_written_in_the_largest_multiple_below_it(n_bytes, expected):
    assert size_unit(n_bytes, "fr") == expected


@pytest.mark.parametrize(
    ("source_date", "lang", "expected"),
    [
        ("2016-02-29", "fr", "févr. 2016"),
        ("2016-02-29", "en", "Feb 2016"),
        ("2017-08", "fr", "août 2017"),
        ("2016", "fr", "2016"),
        ("n.d. (after 2017-11)", "fr", "s. d."),
        ("n.d. (2016)", "en", "n.d."),
    ],
)
def test_a_source_date_reads_to_the_month(source_date, lang, expected):
    assert format_source_date(source_date, lang) == expected
