import math
from decimal import Decimal

import pytest

from dashboard.text.hover import value_label
from dashboard.text.numbers import (
    decimals_of,
    format_count,
    format_size,
    format_source_date,
    format_value,
    rounded,
    rounded_decimal,
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


@pytest.mark.parametrize(
    ("value", "unit", "published", "expected", "written"),
    [
        (5.848220546410048, "score_1_10", False, 5.8, "5.8"),
        (5.99059360608305, "score_1_10", False, 6.0, "6.0"),  # a score keeps its decimal
        (63.29088129279145, "pct", False, 63.0, "63"),
        (87.5, "pct", False, 88.0, "88"),  # as the map rounds it
        (12.5, "pct", True, 12.5, "12.5"),  # a published figure keeps its source's decimal
        (12.5, "pct", False, 12.0, "12"),  # an estimate never does
        (75.0, "pct", True, 75.0, "75"),
        (7.1, "score_1_10", True, 7.1, "7.1"),
        (12.345, "pct", True, 12.35, "12.35"),  # at most two decimals, even published
        (8.5, "pct_points", False, 8.5, "8.5"),
        (-0.04, "pct_points", False, 0.0, "0.0"),  # no "-0"
        (1234.4, "count", False, 1234.0, "1234"),
        (4.46, "avg_count", False, 4.5, "4.5"),
        (1.23456, None, False, 1.23, "1.23"),  # any other unit: two decimals
    ],
)
def test_values_are_rounded_to_what_the_unit_deserves(value, unit, published, expected, written):
    assert rounded(value, unit, published=published) == expected
    assert rounded_decimal(value, unit, published=published) == Decimal(written)
    assert str(rounded_decimal(value, unit, published=published)) == written


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (5.848220546410048, "score_1_10", "fr", "5,8"),
        (63.29088129279145, "pct", "fr", f"63{NBSP}%"),
        (4.46, "avg_count", "fr", "4,5"),
        (1234.4, "count", "fr", f"1{NNBSP}234"),
    ],
)
def test_the_screen_and_the_files_round_by_the_same_rule(value, unit, lang, expected):
    assert value_label(value, unit, lang) == expected
    assert value_label(rounded(value, unit), unit, lang) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(7.1, 1), (75.0, 0), (100.0, 0), (63.2908, 4), (0.05, 2), (1e-05, 5)]
)
def test_the_decimals_a_source_gives(value, expected):
    assert decimals_of(value) == expected
