import itertools
import math

import numpy as np
import pytest
from plotly.colors import sample_colorscale

from dashboard.views.classification import (
    DATA_SCHEMES,
    SCHEMES,
    UnknownScheme,
    class_colours,
    classify,
)

NAN = math.nan
NEUTRAL = "rgb(247, 247, 247)"  # the light grey middle of PuOr


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(c) for c in colour[4:-1].split(","))


def _lightness(colours) -> list[int]:
    return [sum(_rgb(colour)) for colour in colours]


def test_fixed_classes_cut_the_percentage_scale_in_fifths():
    result = classify(np.array([77, NAN, 100, 77, NAN, 5, 25, 45]), "fixed", 5, (0, 100))
    assert result.lower == (0, 20, 40, 60, 80)
    assert result.upper == (20, 40, 60, 80, 100)
    assert result.counts == (1, 1, 1, 2, 1)
    assert result.class_of == (3, -1, 4, 3, -1, 0, 1, 2)
    assert not result.unclassed


@pytest.mark.parametrize(
    ("value", "expected_class"),
    [(0, 0), (20, 0), (20.5, 1), (60, 2), (60.01, 3), (100, 4)],
)
def test_fixed_class_upper_bounds_are_inclusive(value, expected_class):
    values = np.array([value, 10, 30, 50, 70, 90])  # five distinct values besides: classed
    assert classify(values, "fixed", 5, (0, 100)).class_of[0] == expected_class


def test_fixed_classes_on_the_score_scale():
    result = classify(np.array([5.5, 7.1, 2.0]), "fixed", 3, (1, 10))
    assert result.upper == (4, 7, 10)
    assert result.class_of == (1, 2, 0)


def test_values_outside_the_fixed_domain_go_to_the_end_classes():
    result = classify(np.array([-5, 105, 10, 30, 50, 70, 90]), "fixed", 5, (0, 100))
    assert result.class_of == (0, 4, 0, 1, 2, 3, 4)


def test_data_schemes_use_mapclassify_breaks():
    values = np.array([10, 20, 30, 40, 50, 60, 70, 80, 90, 100.0])
    quantiles = classify(values, "quantiles", 4, precision=1)
    assert quantiles.upper == (32.5, 55.0, 77.5, 100.0)
    assert quantiles.counts == (3, 2, 2, 3)
    equal = classify(values, "equal_interval", 3)
    assert equal.upper == (40.0, 70.0, 100.0)
    assert equal.counts == (4, 3, 3)  # 40 and 70, equal to breaks, stay in the class below
    jenks = classify(np.array([1, 2, 3, 50, 51, 52, 99, 100.0]), "fisher_jenks", 3)
    assert jenks.upper == (3.0, 52.0, 100.0)
    assert jenks.counts == (3, 3, 2)


@pytest.mark.parametrize(
    ("values", "scheme", "k", "precision", "lower", "upper"),
    [
        (
            [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
            "quantiles",
            4,
            0,
            (10, 33, 55, 78),
            (33, 55, 78, 100),
        ),
        (
            [0.1, 0.2, 0.3, 0.7, 0.9, 1.35],
            "quantiles",
            4,
            1,
            (0.1, 0.2, 0.5, 0.9),
            (0.2, 0.5, 0.9, 1.4),
        ),
        ([12.4, 18.7, 33.2, 47.9, 61.05], "equal_interval", 3, 0, (12, 29, 45), (29, 45, 62)),
        # 10.225, 10.35 and 10.55 all round to 10 or 11: four classes merge into two
        ([10.1, 10.2, 10.3, 10.4, 10.6, 90], "quantiles", 4, 0, (10, 11), (11, 90)),
    ],
)
def test_data_breaks_are_rounded(values, scheme, k, precision, lower, upper):
    result = classify(np.array(values, dtype=float), scheme, k, precision=precision)
    assert result.lower == lower
    assert result.upper == upper


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "fisher_jenks"])
@pytest.mark.parametrize("precision", [0, 1])
def test_rounded_breaks_increase_and_hold_every_value(scheme, precision):
    values = np.random.default_rng(7).uniform(3.0, 97.0, 40).round(2)
    result = classify(values, scheme, 6, precision=precision)
    edges = (result.lower[0], *result.upper)
    assert all(a < b for a, b in itertools.pairwise(edges))
    assert all(round(edge, precision) == edge for edge in edges)
    for value, index in zip(values, result.class_of, strict=True):
        assert result.lower[index] <= value <= result.upper[index]
        assert index == 0 or value > result.lower[index]
    assert sum(result.counts) == len(values)


def test_diverging_with_odd_k_has_a_neutral_class_around_france():
    values = np.array([48, 52, 57, 60, 63, 66, 71.0])
    result = classify(values, "diverging", 5, centre=60)
    # largest deviation 12 over 2.5 classes: width 5 (1-2-5 series), middle class 60 ± 2.5
    assert result.lower == (47.5, 52.5, 57.5, 62.5, 67.5)
    assert result.upper == (52.5, 57.5, 62.5, 67.5, 72.5)
    assert result.counts == (2, 1, 1, 2, 1)
    assert result.class_of == (0, 0, 1, 2, 3, 3, 4)
    assert result.colours[2] == NEUTRAL
    red, _, blue = _rgb(result.colours[0])
    assert red > blue  # below France: orange
    red, _, blue = _rgb(result.colours[-1])
    assert blue > red  # above France: purple


def test_diverging_with_even_k_breaks_at_france():
    values = np.array([48, 52, 57, 60, 63, 66, 71.0])
    result = classify(values, "diverging", 4, centre=60)
    assert result.lower == (40, 50, 60, 70)
    assert result.upper == (50, 60, 70, 80)
    assert result.class_of == (0, 1, 1, 1, 2, 2, 3)  # 60, equal to France, in the class below
    assert NEUTRAL not in result.colours
    assert len(set(result.colours)) == 4


def test_diverging_breaks_are_symmetric_around_an_unrounded_france_value():
    values = np.array([55.3, 60, 63.4, 70, 71.9, 58, 66])
    result = classify(values, "diverging", 3, centre=63.4)
    assert result.lower == (48.4, 58.4, 68.4)
    assert result.upper == (58.4, 68.4, 78.4)
    assert result.colours[1] == NEUTRAL


@pytest.mark.parametrize("centre", [None, NAN])
def test_diverging_needs_the_france_value(centre):
    with pytest.raises(ValueError, match="France value"):
        classify(np.array([1.0, 2.0, 3.0]), "diverging", 3, centre=centre)


def test_fewer_distinct_values_than_classes_are_left_unclassed():
    result = classify(np.array([77, 77, 100, NAN]), "quantiles", 5)
    assert result.unclassed
    assert result.k == 2
    assert result.lower == result.upper == (77, 100)
    assert result.counts == (2, 1)
    assert result.class_of == (0, 0, 1, -1)
    assert result.colours == tuple(sample_colorscale("YlGnBu", [0.15, 0.95]))


def test_unclassed_fixed_values_take_their_colour_from_the_domain():
    result = classify(np.array([77, 77, 100]), "fixed", 5, (0, 100))
    assert result.unclassed
    assert result.counts == (2, 1)
    assert result.colours == tuple(sample_colorscale("YlGnBu", [0.15 + 0.8 * 0.77, 0.95]))
    assert _lightness(result.colours)[0] > _lightness(result.colours)[1]


def test_unclassed_diverging_values_take_their_colour_from_their_deviation():
    result = classify(np.array([58, 60, 66.0]), "diverging", 5, centre=60)
    assert result.unclassed
    assert result.colours[1] == NEUTRAL
    assert _rgb(result.colours[0])[0] > _rgb(result.colours[0])[2]  # below: orange
    assert _rgb(result.colours[2])[2] > _rgb(result.colours[2])[0]  # above: purple


def test_more_classes_than_values_leaves_them_unclassed():
    result = classify(np.array([30, 10, 20.0]), "fisher_jenks", 5)
    assert result.unclassed
    assert result.upper == (10, 20, 30)
    assert result.class_of == (2, 0, 1)
    assert _lightness(result.colours) == sorted(_lightness(result.colours), reverse=True)


@pytest.mark.parametrize("k", [1, 5])
def test_a_single_value_is_shown_unclassed(k):
    result = classify(np.array([42, NAN, 42]), "quantiles", k)
    assert result.unclassed
    assert result.upper == (42,)
    assert result.counts == (2,)
    assert result.class_of == (0, -1, 0)
    assert result.colours == tuple(class_colours(1))


@pytest.mark.parametrize(
    ("scheme", "options"),
    [
        ("fixed", {"domain": (0, 100)}),
        ("quantiles", {}),
        ("fisher_jenks", {}),
        ("diverging", {"centre": 50}),
    ],
)
def test_no_value_at_all_gives_no_class(scheme, options):
    result = classify(np.array([NAN, NAN]), scheme, 5, **options)
    assert result.k == 0
    assert result.class_of == (-1, -1)
    assert not result.unclassed


@pytest.mark.parametrize("bad", [math.inf, -math.inf])
def test_infinite_values_are_rejected(bad):
    with pytest.raises(ValueError, match="infinite"):
        classify(np.array([1, bad, 3, 4, 5, 6]), "quantiles", 5)


def test_at_least_one_class():
    with pytest.raises(ValueError, match="at least 1"):
        classify(np.array([1.0, 2.0]), "quantiles", 0)


def test_an_unknown_scheme_lists_the_valid_names():
    with pytest.raises(
        UnknownScheme, match="fixed, quantiles, equal_interval, fisher_jenks, diverging"
    ):
        classify(np.array([1.0]), "natural")


def test_colours_go_from_light_to_dark():
    colours = class_colours(5)
    assert len(set(colours)) == 5
    assert _lightness(colours) == sorted(_lightness(colours), reverse=True)


def test_a_value_published_for_two_regions_counts_once_in_the_breaks():
    values = np.array([10, 20, 48, 48, 90.0])
    once = np.array([True, True, True, False, True])
    result = classify(values, "quantiles", 2, counted_once=once)
    assert result.upper == (34.0, 90.0)  # median of 10, 20, 48, 90, not of five values
    assert result.class_of == (0, 0, 1, 1, 1)


def test_a_value_left_out_of_the_breaks_still_gets_the_nearest_class():
    values = np.array([10, 20, 48, 95, 90.0])
    once = np.array([True, True, True, False, True])
    result = classify(values, "quantiles", 2, counted_once=once)
    assert result.upper == (34.0, 90.0)
    assert result.class_of == (0, 0, 1, 1, 1)  # 95 is beyond the last break: last class


def test_every_scheme_the_url_accepts_has_a_rule():
    assert set(SCHEMES) == {"auto", "fixed", "diverging", *DATA_SCHEMES}
