import numpy as np
import pandas as pd

from dashboard.figures.choropleth import HoverWords, NoValueState, build_region_choropleth
from dashboard.figures.classification import classify

WORDS = HoverWords(source="Source : ", base="Base : ")
STATES = (
    NoValueState("non_publie", "non publié", "#bdbdbd"),
    NoValueState("non_couvert", "non couvert", "#f0f0f0", border="#9e9e9e"),
)
URL = "/geo/regions.geojson?v=abc"


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["28", "76", "11", "04"],
            "name": ["Normandie", "Occitanie", "Île-de-France <b>", "La Réunion"],
            "status": ["ok", "ok", "non_publie", "non_couvert"],
            "class_index": [3, 4, -1, -1],
            "value_label": ["77 %", "100 %", "", ""],
            "base_label": ["n.p.", "n.p.", "", ""],
            "source_label": ["Le RAMEAU", "<img src=x onerror=alert(1)>", "", ""],
        }
    )


def figure():
    classification = classify(np.array([77, 100, np.nan, np.nan]), "fixed", 5, (0, 100))
    return build_region_choropleth(frame(), classification, URL, WORDS, STATES)


def test_geometry_is_fetched_from_its_url_never_inlined():
    assert [trace.name for trace in figure().data] == ["ok", "non_publie", "non_couvert"]
    assert {trace.geojson for trace in figure().data} == {URL}
    assert len(figure().to_json()) < 10_000


def test_values_carry_class_indices_on_a_stepped_scale():
    values = figure().data[0]
    assert list(values.locations) == ["28", "76"]
    assert list(values.z) == [3, 4]
    assert (values.zmin, values.zmax) == (-0.5, 4.5)
    scale = [tuple(step) for step in values.colorscale]
    assert len(scale) == 10
    assert scale[6][1] == scale[7][1] and scale[6][0] == 0.6 and scale[7][0] == 0.8


def test_each_no_value_state_has_its_own_grey_and_words():
    _, missing, uncovered = figure().data
    assert list(missing.locations) == ["11"]
    assert {colour for _, colour in missing.colorscale} == {"#bdbdbd"}
    assert "non publié" in missing.hovertemplate
    assert list(uncovered.locations) == ["04"]
    assert {colour for _, colour in uncovered.colorscale} == {"#f0f0f0"}
    assert uncovered.marker.line.color == "#9e9e9e"
    assert "non couvert" in uncovered.hovertemplate


def test_hover_shows_value_base_and_source_with_their_labels():
    values = figure().data[0]
    assert values.hovertemplate == (
        "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Base : %{customdata[2]}"
        "<br>Source : %{customdata[3]}<extra></extra>"
    )


def test_data_derived_text_is_escaped_before_plotly_renders_it():
    values, missing, _ = figure().data
    assert values.customdata[1][3] == "&lt;img src=x onerror=alert(1)&gt;"
    assert missing.customdata[0][0] == "Île-de-France &lt;b&gt;"
