import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.figures.choropleth import (
    LEGEND_MAX_PX,
    LEGEND_MIN_PX,
    LEGEND_NAME,
    LegendItem,
    figure_changes,
    hover_texts,
    legend_layout,
    stepped_colourscale,
)
from dashboard.text.markup import escape
from dashboard.views.classification import Classification
from tests.dashboard.figures.map_fixtures import (
    ATTACK,
    COLOURS,
    STATES,
    TITLE,
    classification,
    frame,
    legend_items,
)


def changes(**options) -> dict:
    return figure_changes(frame(), classification(), STATES, legend_items(), TITLE, **options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Normandie", "Normandie"),
        ("<b>", "&lt;b&gt;"),
        ("A & B", "A &amp; B"),
        ("&lt;", "&amp;lt;"),
        (ATTACK, "&lt;img src=x onerror=alert(1)&gt;"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        (42, "42"),
    ],
)
def test_escape(text, expected):
    assert escape(text) == expected


def test_hover_text_is_the_bold_name_then_one_line_per_detail():
    assert hover_texts(frame()) == [
        "<b>Normandie</b><br>77 % [70 % ; 84 %]<br>n = 312<br>Source : Le RAMEAU",
        "<b>Occitanie &lt;img src=x onerror=alert(1)&gt;</b><br>100 %"
        '<br>&lt;a href="javascript:alert(1)"&gt;clic&lt;/a&gt;',
        "<b>Île-de-France &amp; co</b><br>non publié",
        "<b>La Réunion</b><br>non couvert<br>données simulées",
    ]


def test_a_single_detail_given_as_text_is_one_line():
    rows = pd.DataFrame({"name": ["Corse"], "details": ["n = 12"]})
    assert hover_texts(rows) == ["<b>Corse</b><br>n = 12"]


@pytest.mark.parametrize(
    ("colours", "expected"),
    [
        (("#a", "#b"), [[0, "#a"], [0.5, "#a"], [0.5, "#b"], [1, "#b"]]),
        (("#a",), [[0, "#a"], [1, "#a"]]),
        ((), [[0, "#ffffff"], [1, "#ffffff"]]),
    ],
)
def test_stepped_colourscale_has_one_flat_step_per_class(colours, expected):
    assert stepped_colourscale(colours) == expected


def test_changes_address_values_each_state_then_labels_by_trace_index():
    data = changes()["data"]
    assert list(data) == [0, 1, 2, 3, 4]
    assert data[0]["locations"] == ["28", "76"]
    assert data[0]["z"] == [3, 4]
    assert data[0]["zmax"] == 4.5
    assert data[1] == {
        "locations": ["11"],
        "z": [0],
        "text": ["<b>Île-de-France &amp; co</b><br>non publié"],
    }
    assert data[2]["locations"] == ["04"]
    assert data[3] == {"locations": [], "z": [], "text": []}
    assert data[4] == {
        "lon": [0.123, 2.111],
        "lat": [49.123, 43.7],
        "text": ["77 %", "&lt;img src=x onerror=alert(1)&gt;"],
    }


def test_the_outline_shifts_the_label_trace_and_communes_have_none():
    assert list(changes(outline=True)["data"]) == [0, 1, 2, 3, 5]
    assert list(changes(labels=False)["data"]) == [0, 1, 2, 3]


def test_changes_carry_no_geometry():
    payload = go.Figure(layout=changes()["layout"]).to_json() + repr(changes()["data"])
    assert "geojson" not in payload
    assert "coordinates" not in payload


def test_a_row_with_an_unknown_status_is_an_error_not_a_missing_area():
    rows = frame().assign(status=["ok", "ok", "non_publie", "perdu"])
    with pytest.raises(ValueError, match="perdu"):
        figure_changes(rows, classification(), STATES, legend_items(), TITLE)


def test_an_empty_classification_still_gives_a_valid_scale():
    rows = frame().assign(status="non_publie", class_index=-1, label="")
    empty = Classification((), (), (), (), (-1, -1, -1, -1))
    data = figure_changes(rows, empty, STATES, (), "")["data"]
    assert data[0]["locations"] == []
    assert data[0]["zmax"] == 0.5
    assert len(data[0]["colorscale"]) == 2


def test_legend_lists_title_then_items_with_escaped_labels_and_counts():
    annotations = legend_layout(legend_items(), TITLE)["annotations"]
    texts = [annotation["text"] for annotation in annotations]
    assert texts[0] == "<b>Part des répondants</b>"
    assert texts[1] == '0 – 20 %  <span style="color:#595959">0 régions</span>'
    assert texts[4] == '60 – 80 %  <span style="color:#595959">1 régions</span>'
    assert texts[-1] == (
        'non publié &lt;img src=x onerror=alert(1)&gt;  <span style="color:#595959">1 région</span>'
    )
    assert {(a["xref"], a["yref"], a["showarrow"]) for a in annotations} == {
        ("paper", "paper", False)
    }


def test_legend_swatches_carry_the_class_and_state_colours_top_to_bottom():
    layout = legend_layout(legend_items(), TITLE)
    shapes = layout["shapes"]
    assert [shape["fillcolor"] for shape in shapes] == [*COLOURS, "#bdbdbd"]
    tops = [shape["y1"] for shape in shapes]
    assert tops == sorted(tops, reverse=True)
    assert tops[-1] < tops[0]
    rows = [annotation["yshift"] for annotation in layout["annotations"][1:]]
    assert rows == [(shape["y0"] + shape["y1"]) / 2 for shape in shapes]


def test_legend_sits_in_a_left_margin_sized_to_its_longest_text():
    layout = legend_layout(legend_items(), TITLE)
    width = layout["margin"]["l"]
    assert LEGEND_MIN_PX <= width <= LEGEND_MAX_PX
    assert all(-width < shape["x0"] < shape["x1"] < 0 for shape in layout["shapes"])
    assert all(-width < annotation["xshift"] < 0 for annotation in layout["annotations"])
    short = legend_layout((LegendItem("#000", "a", "1"),), "")["margin"]["l"]
    long = legend_layout((LegendItem("#000", "x" * 200, "1"),), "")["margin"]["l"]
    assert (short, long) == (LEGEND_MIN_PX, LEGEND_MAX_PX)


def test_every_piece_of_the_legend_is_named_so_a_page_can_hide_it():
    layout = legend_layout(legend_items(), TITLE)
    assert len(layout["annotations"]) == len(legend_items()) + 1  # the title, then each item
    assert {piece["name"] for piece in (*layout["annotations"], *layout["shapes"])} == {LEGEND_NAME}


def test_no_legend_leaves_no_margin():
    assert legend_layout((), "") == {
        "annotations": [],
        "shapes": [],
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
    }
