import itertools
import math

import numpy as np
import pytest
from plotly.colors import find_intermediate_color, hex_to_rgb, unlabel_rgb

from dashboard.figures.heatmap import (
    DARK_TEXT,
    HEADER_PX,
    LIGHT_TEXT,
    MISSING_FILL,
    MISSING_TRACE,
    VALUES_TRACE,
    heatmap_colourscale,
    heatmap_figure,
    text_colour,
)
from dashboard.figures.watermark import WATERMARK_NAME
from dashboard.views.classification import COLOURSCALE, SEQUENTIAL_RANGE, class_colours
from tests.dashboard.figures.map_fixtures import ATTACK

NAN = math.nan
CAPTION = "Source : Le RAMEAU<br>Question : « … » · Base : 2 000 répondants · mars 2024"
COLUMNS = ["Citoyens", "Associations", "Entreprises", "Maires", "Jeunes"]
VALUES = np.array([[6.4, 1.0, 10.0, 3.0, 5.5], [2.0, 9.9, 6.4, NAN, 7.0]])


def texts_of(values):
    return [
        ["non publié" if v != v else f"{v:.1f}".replace(".", ",") for v in row] for row in values
    ]


def figure(rows=("Emploi", "Santé"), values=VALUES, columns=COLUMNS, **options):
    options = {
        "value_range": (1, 10),
        "caption": CAPTION,
        "colour_title": "Score moyen",
        "simulated": False,
        "lang": "fr",
        **options,
    }
    hover = [[f"{r}<br>{c}" for c in columns] for r in range(len(values))]
    return heatmap_figure(rows, columns, values, texts_of(values), hover, **options)


def traces(fig):
    return {trace.name: trace for trace in fig.data}


def rgb(colour: str) -> tuple[float, ...]:
    return tuple(hex_to_rgb(colour) if colour.startswith("#") else unlabel_rgb(colour))


def drawn_colour(trace, z: float) -> tuple[float, ...]:
    """The colour Plotly draws for ``z`` on the trace's scale (linear between the stops)."""
    share = min(max((z - trace.zmin) / (trace.zmax - trace.zmin), 0), 1)
    scale = [(position, rgb(colour)) for position, colour in trace.colorscale]
    for (low, low_colour), (high, high_colour) in itertools.pairwise(scale):
        if low <= share <= high and high > low:
            return find_intermediate_color(
                low_colour, high_colour, (share - low) / (high - low), "tuple"
            )
    raise AssertionError(f"{z} is outside the scale")


def test_equal_values_get_equal_colours_within_and_across_tables():
    cells = traces(figure())[VALUES_TRACE]
    assert cells.z[0][0] == cells.z[1][2] == 6.4
    other = traces(figure(values=np.array([[6.4, 9.0], [1.5, 2.0]]), columns=["A", "B"]))
    assert drawn_colour(other[VALUES_TRACE], 6.4) == drawn_colour(cells, 6.4)
    assert drawn_colour(cells, 6.4) != drawn_colour(cells, 6.5)
    assert cells.text[0][0] == cells.text[1][2]  # same text colour too


def test_the_scale_is_the_maps_sequential_one_over_the_full_value_range():
    cells = traces(figure(value_range=(0, 100), values=VALUES * 10))[VALUES_TRACE]
    assert (cells.zmin, cells.zmax) == (0, 100)
    scale = heatmap_colourscale()
    assert [tuple(step) for step in cells.colorscale] == [tuple(step) for step in scale]
    # its ends are the lightest and the darkest class colours of the maps
    assert scale[0][1] == class_colours(2)[0] and scale[-1][1] == class_colours(2)[1]
    assert (COLOURSCALE, SEQUENTIAL_RANGE) == ("YlGnBu", (0.15, 0.95))
    assert drawn_colour(cells, 0) == rgb(class_colours(2)[0])
    assert drawn_colour(cells, 100) == rgb(class_colours(2)[1])


def test_a_cell_without_value_is_grey_and_says_why():
    fig = figure()
    cells, missing = traces(fig)[VALUES_TRACE], traces(fig)[MISSING_TRACE]
    assert [trace.name for trace in fig.data] == [MISSING_TRACE, VALUES_TRACE]  # grey below
    assert math.isnan(cells.z[1][3]) and cells.text[1][3] == ""
    assert missing.z[1][3] == 0 and missing.text[1][3] == "non publié"
    assert {colour for _, colour in missing.colorscale} == {MISSING_FILL} == {"#f0f0f0"}
    assert (missing.zmin, missing.zmax, missing.showscale) == (0, 1, False)
    drawn = np.isfinite(np.asarray(missing.z, dtype=float))
    assert drawn.tolist() == np.isnan(VALUES).tolist()  # only the missing cells
    assert missing.texttemplate == cells.texttemplate == "%{text}"
    assert cells.hoverongaps is False and missing.hoverongaps is False


def test_missing_texts_are_wrapped_in_narrow_columns():
    columns = [f"C{i}" for i in range(12)]
    values = np.full((1, 12), 5.0)
    values[0, 4] = NAN
    missing = traces(figure(rows=["Emploi"], values=values, columns=columns))[MISSING_TRACE]
    assert missing.text[0][4] == "non<br>publié"
    assert missing.textfont.size < traces(figure())[MISSING_TRACE].textfont.size


@pytest.mark.parametrize(
    ("background", "expected"),
    [("#ffffff", DARK_TEXT), ("#f0f0f0", DARK_TEXT), ("rgb(37, 52, 148)", LIGHT_TEXT),
     ("rgb(229, 245, 178)", DARK_TEXT), ("#000000", LIGHT_TEXT)],
)  # fmt: skip
def test_text_is_dark_or_white_whichever_reads_better(background, expected):
    assert text_colour(background) == expected


def test_each_cell_writes_its_text_in_a_readable_colour():
    cells = traces(figure())[VALUES_TRACE]
    assert cells.text[0][2] == f'<span style="color:{LIGHT_TEXT}">10,0</span>'  # darkest
    assert cells.text[0][1] == f'<span style="color:{DARK_TEXT}">1,0</span>'  # lightest


def test_rows_top_to_bottom_under_their_group_and_columns_on_top():
    fig = figure(rows=(["Économiques", "Sociales"], ["Emploi", "Santé"]))
    cells = traces(fig)[VALUES_TRACE]
    assert [list(level) for level in cells.y] == [["Économiques", "Sociales"], ["Emploi", "Santé"]]
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.xaxis.side == "top"
    assert list(cells.x) == COLUMNS
    flat = traces(figure())[VALUES_TRACE]
    assert list(flat.y) == ["Emploi", "Santé"]


def test_long_column_labels_are_angled_and_the_header_grows():
    short = figure().layout
    columns = [f"Segment numéro {i}" for i in range(12)]
    values = np.full((2, 12), 5.0)
    angled = figure(values=values, columns=columns).layout
    assert short.xaxis.tickangle == 0 and short.margin.t == HEADER_PX
    assert angled.xaxis.tickangle < 0 and angled.margin.t > HEADER_PX


def test_labels_texts_and_hover_reach_the_browser_escaped():
    values = np.array([[5.0, 6.0]])
    fig = heatmap_figure(
        [f"Emploi {ATTACK}"],
        [ATTACK, "B"],
        values,
        [[ATTACK, "6,0"]],
        [["&lt;déjà échappé&gt;", "b"]],
        value_range=(1, 10),
        caption=CAPTION,
        colour_title=f"Score {ATTACK}",
        simulated=False,
        lang="fr",
    )
    sent = fig.to_json()
    assert "<img" not in sent and "\\u003cimg" not in sent
    cells = traces(fig)[VALUES_TRACE]
    assert cells.x[0] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "&lt;img" in cells.text[0][0]
    assert cells.customdata[0][0] == "&lt;déjà échappé&gt;"  # hover is not escaped twice
    assert cells.hovertemplate == "%{customdata}<extra></extra>"


def test_caption_sits_under_the_table_and_the_height_follows_the_rows():
    fig = figure()
    captions = [a for a in fig.layout.annotations if a.name == "caption"]
    assert [a.text for a in captions] == [CAPTION]
    assert captions[0].yshift < 0 and fig.layout.margin.b >= -captions[0].yshift
    rows = [f"Fragilité {i}" for i in range(16)]
    tall = figure(rows=rows, values=np.full((16, 5), 5.0))
    assert tall.layout.height - fig.layout.height == (16 - 3) * 28  # two rows fill 3 rows' room
    assert fig.layout.width is None


def test_simulated_tables_carry_the_watermark():
    names = [a.name for a in figure(simulated=True).layout.annotations]
    assert names.count(WATERMARK_NAME) == 1
    assert WATERMARK_NAME not in [a.name for a in figure().layout.annotations]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"values": np.ones((3, 5))}, "rows"),
        ({"rows": ("Emploi", "Emploi")}, "same label"),
        ({"value_range": (10, 1)}, "range"),
        ({"values": np.array([[1.0, math.inf, 3, 4, 5], [1, 2, 3, 4, 5]])}, "infinite"),
    ],
)
def test_inconsistent_tables_are_errors(options, message):
    with pytest.raises(ValueError, match=message):
        figure(**options)
