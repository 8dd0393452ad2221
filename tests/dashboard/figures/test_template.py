"""Every figure builder numbers as its page's language writes: 6,5 and 1 192 000 in French,
6.5 and 1,192,000 in English (Plotly's ``separators``, set once in the shared template)."""

import json

import pytest

from dashboard.figures.dots import DotSeries, dot_chart, gap_chart
from dashboard.figures.geo_map import build_geo_choropleth
from dashboard.figures.locator import build_locator
from dashboard.figures.template import SEPARATORS, phare_template
from dashboard.figures.tile_map import build_commune_choropleth
from tests.dashboard.figures.map_fixtures import (
    STATES,
    TITLE,
    URL,
    classification,
    frame,
    legend_items,
)

NNBSP = "\u202f"  # narrow no-break space: French thousands, as Babel's fr_FR writes them
EXTENT = (-1.95, 48.18, 1.8, 50.07)


def geo_map(lang):
    return build_geo_choropleth(
        frame(), classification(), URL, STATES, legend_items(), TITLE, lang=lang
    )


def commune_map(lang):
    return build_commune_choropleth(
        frame(), classification(), URL, STATES, legend_items(), TITLE, EXTENT, lang=lang
    )


def locator(lang):
    return build_locator(URL, URL, "84", "69", (4.7274, 46.1109), "Lyon", lang=lang)


def dots(lang):
    series = DotSeries("Bretagne", [6.0], [5.5], [6.5], [""], ["6,0"])
    return dot_chart(
        ["Emploi"], [series], caption="c", x_range=(1, 10), x_title="x", simulated=False, lang=lang
    )


def gaps(lang):
    return gap_chart(
        ["A − B"], [1.2], [0.8], [1.6], [""], caption="c", x_title="x", simulated=False, lang=lang
    )


BUILDERS = (geo_map, commune_map, locator, dots, gaps)


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize(("lang", "separators"), [("fr", "," + NNBSP), ("en", ".,")])
def test_figures_carry_their_language_s_separators(builder, lang, separators):
    sent = json.loads(builder(lang).to_json())
    assert sent["layout"]["template"]["layout"]["separators"] == separators


def test_separators_are_a_decimal_mark_then_a_thousands_separator():
    assert SEPARATORS == {"fr": "," + NNBSP, "en": ".,"}
    assert phare_template("de") is phare_template("fr")


def test_the_gap_chart_hover_spaces_its_colon_as_each_language_does():
    assert gaps("fr").data[0].hovertemplate.startswith("%{y} : ")
    assert gaps("en").data[0].hovertemplate.startswith("%{y}: ")
