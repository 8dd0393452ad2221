"""Every palette is a documented colour-blind-safe one, and its neighbouring classes differ in
lightness: lightness survives every colour-vision deficiency (and greyscale printing) where hue
does not, so a step in lightness keeps two classes apart for every reader.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from plotly.colors import diverging, hex_to_rgb, unlabel_rgb

from dashboard.figures.dots import ABOVE, BELOW, FRANCE_COLOUR, SERIES_COLOURS
from dashboard.views.carte_filters import CLASS_COUNTS
from dashboard.views.classification import (
    COLOURSCALE,
    DIVERGING_COLOURSCALE,
    class_colours,
    classify,
)
from phare.catalogue import load_catalogue

# ColorBrewer 2.0 (Brewer, colorbrewer2.org): every sequential scheme is marked colour-blind
# safe; of the diverging ones, these six.
COLOUR_BLIND_SAFE_SEQUENTIAL = {
    *("Blues", "Greens", "Greys", "Oranges", "Purples", "Reds"),
    *("BuGn", "BuPu", "GnBu", "OrRd", "PuBu", "PuBuGn", "PuRd", "RdPu"),
    *("YlGn", "YlGnBu", "YlOrBr", "YlOrRd"),
}
COLOUR_BLIND_SAFE_DIVERGING = {"BrBG", "PiYG", "PRGn", "PuOr", "RdBu", "RdYlBu"}
# Okabe & Ito (2008), "Color Universal Design": black, orange, sky blue, bluish green, yellow,
# blue, vermillion, reddish purple.
OKABE_ITO = {
    *("#000000", "#E69F00", "#56B4E9", "#009E73"),
    *("#F0E442", "#0072B2", "#D55E00", "#CC79A7"),
}
MIN_LIGHTNESS_STEP = 5.0  # CIE L*; ColorBrewer's own 9-class YlGnBu starts with a step of 3.3
WHITE = (255, 255, 255)


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(hex_to_rgb(colour) if colour.startswith("#") else unlabel_rgb(colour))


def luminance(colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [c / 255 for c in rgb(colour)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def lightness(colour: str) -> float:
    """CIE L* (0 black – 100 white)."""
    y = luminance(colour)
    return 116 * (y ** (1 / 3) if y > 216 / 24389 else (24389 / 27 * y + 16) / 116) - 16


def contrast_on_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


def diverging_colours(k: int) -> tuple[str, ...]:
    """The class colours of a diverging map with ``k`` classes, as the map computes them."""
    values = np.linspace(40, 60, 21)
    classes = classify(values, "diverging", k, centre=50.0, precision=1)
    assert classes.k == k and not classes.unclassed
    return classes.colours


@pytest.mark.parametrize(
    ("lightness_of", "expected"),
    [("#000000", 0.0), ("#ffffff", 100.0), ("#777777", 50.0)],
)
def test_lightness_is_cie_l_star(lightness_of, expected):
    assert lightness(lightness_of) == pytest.approx(expected, abs=0.1)


def test_palettes_come_from_documented_colour_blind_safe_lists():
    assert COLOURSCALE in COLOUR_BLIND_SAFE_SEQUENTIAL
    assert DIVERGING_COLOURSCALE in COLOUR_BLIND_SAFE_DIVERGING
    assert {c.upper() for c in SERIES_COLOURS} <= OKABE_ITO
    assert len(set(SERIES_COLOURS)) == len(SERIES_COLOURS)
    puor = {tuple(unlabel_rgb(c)) for c in diverging.PuOr}
    assert {rgb(ABOVE), rgb(BELOW)} <= puor


@pytest.mark.parametrize("k", CLASS_COUNTS)
def test_sequential_classes_step_in_lightness(k):
    steps = -np.diff([lightness(c) for c in class_colours(k)])
    assert (steps >= MIN_LIGHTNESS_STEP).all(), steps  # lighter to darker, each step visible


@pytest.mark.parametrize("k", CLASS_COUNTS)
def test_diverging_classes_step_in_lightness_away_from_the_centre(k):
    """Each side darkens away from France; the two sides are told apart by their hue too."""
    colours = diverging_colours(k)
    below, above = colours[: (k + 1) // 2], colours[k // 2 :]
    for side in (below[::-1], above):
        steps = -np.diff([lightness(c) for c in side])
        assert (steps >= MIN_LIGHTNESS_STEP).all(), (side, steps)
    orange, purple = rgb(below[-1 if k % 2 == 0 else 0]), rgb(above[0 if k % 2 == 0 else -1])
    assert orange[0] > orange[2] and purple[2] > purple[0]


def test_profile_series_stand_out_from_the_white_page():
    """Dots, intervals and ▲▼ marks of each territory: 3:1 at least (WCAG 1.4.11)."""
    for colour in (*SERIES_COLOURS, FRANCE_COLOUR, ABOVE, BELOW):
        assert contrast_on_white(colour) >= 3, colour


COMMUNE_OUTLINES = {"hors_fichier", "sans_valeur_communale"}


def test_no_value_states_are_greys_apart_in_lightness():
    """Greys read the same with any colour vision; the near-white ones carry an outline."""
    fills = {s.id: s for s in load_catalogue().statuses.values() if s.fill}
    for status in fills.values():
        red, green, blue = rgb(status.fill)
        assert red == green == blue, status.id
        if lightness(status.fill) > 94:
            assert status.border, status.id
    for first, second in itertools.combinations(fills.values(), 2):
        if {first.id, second.id} == COMMUNE_OUTLINES:  # one per commune layer: never together
            continue
        assert abs(lightness(first.fill) - lightness(second.fill)) >= 4, (first.id, second.id)
