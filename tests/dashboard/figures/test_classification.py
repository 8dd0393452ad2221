import math

import numpy as np
import pytest

from dashboard.figures.classification import UnknownScheme, class_colours, classify

NAN = math.nan


def test_fixed_classes_cut_the_percentage_scale_in_fifths():
    result = classify(np.array([77, NAN, 100, 77, NAN]), "fixed", 5, (0, 100))
    assert result.lower == (0, 20, 40, 60, 80)
    assert result.upper == (20, 40, 60, 80, 100)
    assert result.counts == (0, 0, 0, 2, 1)
    assert result.class_of == (3, -1, 4, 3, -1)


@pytest.mark.parametrize(
    ("value", "expected_class"),
    [(0, 0), (20, 0), (20.5, 1), (60, 2), (60.01, 3), (100, 4)],
)
def test_fixed_class_upper_bounds_are_inclusive(value, expected_class):
    assert classify(np.array([value]), "fixed", 5, (0, 100)).class_of == (expected_class,)


def test_fixed_classes_on_the_score_scale():
    result = classify(np.array([5.5, 7.1]), "fixed", 3, (1, 10))
    assert result.upper == (4, 7, 10)
    assert result.class_of == (1, 2)


def test_data_schemes_use_mapclassify_breaks():
    values = np.array([10, 20, 30, 40, 50, 60, 70, 80, 90, 100.0])
    quantiles = classify(values, "quantiles", 4)
    assert quantiles.upper == (32.5, 55.0, 77.5, 100.0)
    assert quantiles.counts == (3, 2, 2, 3)
    equal = classify(values, "equal_interval", 3)
    assert equal.upper == (40.0, 70.0, 100.0)
    assert equal.counts == (4, 3, 3)
    jenks = classify(np.array([1, 2, 3, 50, 51, 52, 99, 100.0]), "fisher_jenks", 3)
    assert jenks.upper == (3.0, 52.0, 100.0)
    assert jenks.counts == (3, 3, 2)


def test_fewer_distinct_values_than_classes_reduces_the_classes():
    result = classify(np.array([77, 77, 100, NAN]), "quantiles", 5)
    assert result.k == 2
    assert result.class_of == (0, 0, 1, -1)


def test_no_value_at_all_gives_no_class():
    result = classify(np.array([NAN, NAN]), "fisher_jenks", 5)
    assert result.k == 0
    assert result.class_of == (-1, -1)


def test_an_unknown_scheme_lists_the_valid_names():
    with pytest.raises(UnknownScheme, match="fixed, quantiles, equal_interval, fisher_jenks"):
        classify(np.array([1.0]), "natural")


def test_colours_go_from_light_to_dark():
    colours = class_colours(5)
    assert len(set(colours)) == 5
    lightness = [sum(int(c) for c in colour[4:-1].split(",")) for colour in colours]
    assert lightness == sorted(lightness, reverse=True)


def test_a_value_published_for_two_regions_counts_once_in_the_breaks():
    values = np.array([10, 20, 48, 48, 90.0])
    once = np.array([True, True, True, False, True])
    result = classify(values, "quantiles", 2, counted_once=once)
    assert result.upper == (34.0, 90.0)  # median of 10, 20, 48, 90, not of five values
    assert result.class_of == (0, 0, 1, 1, 1)
