"""The default ``auto`` classes and the half-width spacing every scheme but ``fixed`` keeps."""

import itertools
import math

import numpy as np
import pytest

from dashboard.text.numbers import format_bound
from dashboard.views.class_spacing import (
    diverging_step,
    edge_precision,
    median_half_width,
    min_gap,
    spaced,
)
from dashboard.views.classification import class_labels, classify

NAN = math.nan
NBSP = "\u00a0"
SCORES, PERCENT = (1, 10), (0, 100)
# the simulated companies' mean scores on emploi (rounded): 5.3 to 5.9, intervals ± 0.23
COMPANIES = [5.33, 5.37, 5.49, 5.51, 5.51, 5.51, 5.54, 5.62, 5.66, 5.70, 5.78, 5.85]


def edges_of(result) -> tuple[float, ...]:
    return (result.lower[0], *result.upper)


@pytest.mark.parametrize(
    ("values", "precision", "half_width", "domain", "edges", "counts", "decimals", "narrow"),
    [
        # spread 0.52 > 2 × 0.23, but a gap rounded up to 0.3 leaves no room for three
        # classes: one decimal finer; the first class widens down to a half-width
        (COMPANIES, 1, 0.23, SCORES, (5.14, 5.37, 5.62, 5.85), (2, 6, 4), 2, False),
        # spread 0.3 within 2 × 0.2: two classes a gap apart, said to be within precision
        ([5.4, 5.5, 5.5, 5.6, 5.7], 1, 0.2, SCORES, (5.3, 5.5, 5.7), (3, 2), 1, True),
        # spread 0.1 under one half-width: one class, a half-width wide
        ([5.50, 5.52, 5.55, 5.58, 5.6], 1, 0.3, SCORES, (5.5, 5.8), (5,), 1, True),
        # Fisher-Jenks breaks, merged where closer than the gap (3 points)
        ([40, 45, 50, 55, 60, 65, 70], 0, 3, PERCENT, (40, 45, 50, 60, 70), (2, 1, 2, 2), 0, False),
        ([40, 45, 50, 55, 60, 65, 70], 0, 6, PERCENT, (39, 45, 60, 70), (2, 3, 2), 0, False),
        ([40, 41, 42, 43, 44, 45, 60], 0, 2.5, PERCENT, (39, 42, 45, 60), (3, 3, 1), 0, False),
        # near the top of the scale: one class a half-width wide, ending at 10
        ([9.91, 9.93, 9.95, 9.97, 9.99], 1, 0.3, SCORES, (9.7, 10.0), (5,), 1, True),
        # clusters at both ends of the scale: no Jenks break stays a gap inside 0-100, so
        # rounded equal steps, moved back inside the scale
        ([1, 2, 3, 50, 51, 52, 99, 100], 0, 4, PERCENT,
         (0, 20, 40, 60, 80, 100), (3, 0, 3, 0, 2), 0, False),
    ],
)  # fmt: skip
def test_auto_classes_follow_the_data_a_half_width_apart(
    values, precision, half_width, domain, edges, counts, decimals, narrow
):
    result = classify(np.array(values, dtype=float), "auto", 5, domain, precision=precision,
                      half_width=half_width)  # fmt: skip
    assert edges_of(result) == edges
    assert result.counts == counts
    assert (result.scheme, result.decimals, result.within_precision) == ("auto", decimals, narrow)
    assert not result.unclassed


def test_auto_without_intervals_is_the_full_scale_as_before():
    """Published figures: unclassed exact values, or the fixed scale, exactly as ``fixed``."""
    few = classify(np.array([77, 77, 100.0]), "auto", 5, PERCENT)
    assert few == classify(np.array([77, 77, 100.0]), "fixed", 5, PERCENT)
    assert few.unclassed and few.scheme == "fixed"
    many = np.array([5, 25, 45, 77, 100.0, 12])
    assert classify(many, "auto", 5, PERCENT, half_width=None) == classify(
        many, "fixed", 5, PERCENT
    )
    assert edges_of(classify(many, "auto", 5, PERCENT)) == (0, 20, 40, 60, 80, 100)


def test_the_full_scale_ignores_the_half_width():
    values = np.array([5.33, 5.4, 5.5, 5.6, 5.85])
    assert edges_of(classify(values, "fixed", 5, SCORES, half_width=2.0)) == (
        1.0, 2.8, 4.6, 6.4, 8.2, 10.0,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("scheme", "half_width", "edges"),
    [
        ("quantiles", 6, (40, 46, 52, 58, 64, 70)),  # 6 apart already: as without
        ("equal_interval", 7, (39, 46, 58, 70)),  # 52 is 6 from 46: merged; the end widens
        ("fisher_jenks", 6, (39, 45, 60, 70)),
    ],
)
def test_data_schemes_merge_breaks_closer_than_the_half_width(scheme, half_width, edges):
    values = np.array([40, 45, 50, 55, 60, 65, 70.0])
    result = classify(values, scheme, 5, precision=0, half_width=half_width)
    assert edges_of(result) == edges


def test_diverging_classes_widen_to_the_half_width_and_keep_their_middle():
    values = np.array([52, 55, 58, 61, 63, 66, 70.0])
    assert edges_of(classify(values, "diverging", 5, centre=60)) == (
        47.5, 52.5, 57.5, 62.5, 67.5, 72.5,
    )  # fmt: skip
    # half-width 6: steps of 10, and three classes (odd, as 5) reach the largest deviation
    wide = classify(values, "diverging", 5, centre=60, half_width=6)
    assert edges_of(wide) == (45, 55, 65, 75)
    assert wide.colours[1] == "rgb(247, 247, 247)"  # the neutral middle stays


@pytest.mark.parametrize(
    ("k", "gap", "expected"),
    [(5, 6, (10.0, 3)), (4, 6, (10.0, 2)), (5, 1, (5.0, 5)), (6, 12, (20.0, 2))],
)
def test_diverging_step(k, gap, expected):
    assert diverging_step(np.array([52, 70.0]), 60, k, 0, gap) == expected


@pytest.mark.parametrize(
    ("edges", "gap", "domain", "expected"),
    [
        ([5.3, 5.4, 5.5, 5.9], 0.2, None, (5.2, 5.4, 5.9)),  # 5.5 merges; the start widens
        ([5.3, 5.5, 5.7, 5.8], 0.2, None, (5.3, 5.5, 5.7, 5.9)),  # the end widens
        ([1, 3, 52, 100], 4, (0, 100), (1, 52, 100)),  # -1 % is no bound: 3 goes
        ([5.4, 5.5], 0.3, None, (5.4, 5.7)),  # one class, a gap wide
        ([9.9, 10.0], 0.3, (1, 10), (9.7, 10.0)),  # …inside the scale
    ],
)
def test_spaced(edges, gap, domain, expected):
    assert tuple(spaced(np.array(edges, dtype=float), gap, domain)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("half_width", "precision", "gap"),
    [(0.23, 1, 0.3), (0.23, 2, 0.23), (0.2, 1, 0.2), (2.1, 0, 3), (0.001, 1, 0.1)],
)
def test_the_gap_is_the_half_width_rounded_up(half_width, precision, gap):
    assert min_gap(half_width, precision) == pytest.approx(gap)


@pytest.mark.parametrize(
    ("spread", "half_width", "precision", "expected"),
    [(0.52, 0.23, 1, 2), (0.7, 0.23, 1, 1), (0.4, 0.23, 1, 1), (10.5, 4.2, 0, 0), (9, 4.2, 0, 1)],
)
def test_one_decimal_finer_only_where_three_classes_need_it(
    spread, half_width, precision, expected
):
    assert edge_precision(spread, half_width, precision) == expected


def test_the_median_half_width_skips_values_without_interval():
    low = np.array([5.0, 5.2, NAN, 4.0])
    high = np.array([5.4, 5.8, NAN, 5.0])
    assert median_half_width(low, high) == pytest.approx(0.3)
    assert median_half_width(np.array([NAN]), np.array([NAN])) is None


@pytest.mark.parametrize(
    ("value", "unit", "lang", "decimals", "expected"),
    [
        (5.14, "score_1_10", "fr", 2, "5,14"),
        (5.3, "score_1_10", "en", 2, "5.30"),
        (87.5, "pct", "fr", 1, f"87,5{NBSP}%"),
        (87.5, "pct", "en", 1, "87.5%"),
    ],
)
def test_finer_bounds_keep_the_unit_and_the_language(value, unit, lang, decimals, expected):
    assert format_bound(value, unit, lang, decimals) == expected


def test_finer_bounds_are_written_with_their_decimals():
    result = classify(np.array(COMPANIES), "auto", 5, SCORES, precision=1, half_width=0.23)
    assert class_labels(result, "score_1_10", "fr") == [
        "5,14 – 5,37",
        "5,37 – 5,62",
        "5,62 – 5,85",
    ]


SCHEMES_SPACED = ("auto", "quantiles", "equal_interval", "fisher_jenks", "diverging")


@pytest.mark.parametrize("seed", range(40))
def test_properties_of_spaced_classes(seed):
    """Random estimates (scores or percentages, 5-13 regions, a random half-width): every
    scheme keeps adjacent edges a half-width apart, holds every value in its class and stays
    within k classes; ``auto`` makes three classes or more whenever 5 distinct values spread
    over more than two half-widths."""
    rng = np.random.default_rng(seed)
    precision, domain = (1, SCORES) if seed % 2 else (0, PERCENT)
    size = rng.integers(5, 14)
    centre = rng.uniform(domain[0] + 1, domain[1] - 1)
    spread = (domain[1] - domain[0]) * rng.uniform(0.01, 0.3)
    values = np.clip(rng.normal(centre, spread / 2, size), *domain).round(precision + 2)
    half_width = float(spread * rng.uniform(0.05, 0.8))
    k = int(rng.integers(3, 8))
    for scheme in SCHEMES_SPACED:
        result = classify(values, scheme, k, domain, centre=float(np.median(values)),
                          precision=precision, half_width=half_width)  # fmt: skip
        if result.unclassed:  # fewer distinct values than classes (not auto): no edges
            assert scheme != "auto"
            continue
        edges = edges_of(result)
        assert all(b - a >= half_width - 1e-9 for a, b in itertools.pairwise(edges)), scheme
        assert 1 <= result.k <= k
        for value, index in zip(values, result.class_of, strict=True):
            assert result.lower[index] - 1e-9 <= value <= result.upper[index] + 1e-9
        if scheme == "auto":
            assert domain[0] <= edges[0] and edges[-1] <= domain[1]
            if np.unique(values).size >= 5 and np.ptp(values) > 2 * half_width:
                assert result.k >= 3, (values, half_width, edges)
