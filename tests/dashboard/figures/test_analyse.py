"""The Analyse figures from the view's plain data alone: no data context, texts escaped here."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.figures.analyse import chart_figure, maps_figure
from dashboard.views.analyse import DOTS, HEATMAP, AnalysisChart
from dashboard.views.analyse_maps import AnalysisMaps, LegendLine
from dashboard.views.small_multiples import MapPanel, shared_classification
from tests.dashboard.figures.map_fixtures import ATTACK, STATES

NAN = math.nan


def chart(kind: str = DOTS, groups: tuple[str, ...] | None = None) -> AnalysisChart:
    """Two rows (one with markup in its label), Citoyens and France; one cell without value."""
    rows = ("Emploi", f"Santé {ATTACK}")
    columns = ("Citoyens", "France")
    texts = np.array([["7,1 ▲", "non publié"], ["6,0", "5,0"]], dtype=object)
    return AnalysisChart(
        kind=kind,
        rows=rows,
        groups=groups,
        columns=columns,
        france=(False, True),
        values=np.array([[7.1, NAN], [6.0, 5.0]]),
        lows=np.array([[6.9, NAN], [5.8, 4.9]]),
        highs=np.array([[7.3, NAN], [6.2, 5.1]]),
        marks=np.array([["▲", ""], ["", ""]], dtype=object),
        texts=texts,
        hover=np.array(
            [
                [f"{r} · {c} : {texts[i, j]}" for j, c in enumerate(columns)]
                for i, r in enumerate(rows)
            ],
            dtype=object,
        ),
        value_range=(1.0, 10.0),
        axis_title="Note <moyenne>",
        caption="Source : Le RAMEAU & IFOP",
        simulated=False,
        lang="fr",
    )


def captions(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations if a.name == "caption"]


def test_few_cells_are_one_series_of_dots_per_column_france_apart():
    figure = chart_figure(chart())
    assert [trace.type for trace in figure.data] == ["scatter", "scatter"]
    citoyens, france = figure.data
    assert (citoyens.name, france.name) == ("Citoyens", "France")
    assert (citoyens.marker.symbol, france.marker.symbol) == ("circle", "diamond-open")
    assert list(citoyens.x) == [7.1, 6.0] and list(citoyens.text) == ["▲", ""]
    assert list(citoyens.error_x.array) == pytest.approx([0.2, 0.2])
    assert list(citoyens.error_x.arrayminus) == pytest.approx([0.2, 0.2])
    assert list(citoyens.customdata) == [
        "Emploi · Citoyens : 7,1 ▲",
        "Santé &lt;img src=x onerror=alert(1)&gt; · Citoyens : 6,0",
    ]
    assert figure.layout.xaxis.range == (1.0, 10.0)
    assert figure.layout.xaxis.title.text == "Note <moyenne>"


def test_rows_under_their_groups_are_a_two_level_axis():
    figure = chart_figure(chart(groups=("Critères sociaux", "Critères sociaux")))
    assert [list(level) for level in figure.data[0].y] == [
        ["Critères sociaux", "Critères sociaux"],
        ["Emploi", f"Santé {ATTACK}"],
    ]
    assert list(chart_figure(chart()).data[0].y) == ["Emploi", f"Santé {ATTACK}"]


def test_many_cells_are_a_heatmap_whose_hover_is_escaped():
    figure = chart_figure(chart(kind=HEATMAP))
    assert [trace.type for trace in figure.data] == ["heatmap", "heatmap"]
    values = figure.data[1]
    assert [list(row) for row in values.customdata][1] == [
        "Santé &lt;img src=x onerror=alert(1)&gt; · Citoyens : 6,0",
        "Santé &lt;img src=x onerror=alert(1)&gt; · France : 5,0",
    ]
    assert (values.zmin, values.zmax) == (1.0, 10.0)
    assert values.colorbar.title.text == "Note &lt;moyenne&gt;"


def test_the_caption_is_escaped_inside_the_figure_or_left_to_the_slide():
    assert captions(chart_figure(chart())) == ["Source : Le RAMEAU &amp; IFOP"]
    assert captions(chart_figure(chart(), caption=False)) == [""]


def test_the_maps_draw_the_views_classes_and_legend():
    frame = pd.DataFrame(
        {
            "code": ["28", "76", "11"],
            "status": ["ok", "ok", "non_publie"],
            "value": [6.4, 2.0, NAN],
            "label": ["6,4", "2,0", ""],
            "text": ["<b>Normandie</b><br>6,4", "<b>Occitanie</b><br>2,0", "non publié"],
            "lon": [0.1, 2.1, 2.5],
            "lat": [49.1, 43.7, 48.7],
        }
    )
    panels = (MapPanel("Citoyens", frame),)
    classification, indices = shared_classification(panels, "fixed", 3, (1, 10))
    maps = AnalysisMaps(
        panels=panels,
        dropped=(),
        classification=classification,
        class_indices=indices,
        states=STATES,
        legend=(LegendLine("#ffffcc", "1 – 4"), LegendLine("#bdbdbd", f"non publié {ATTACK}")),
        legend_title="Légende",
        labels=True,
        simulated=False,
        lang="fr",
    )
    figure = maps_figure(maps, "/geo/regions.geojson")
    values = figure.data[0]
    assert (values.geojson, list(values.locations), list(values.z)) == (
        "/geo/regions.geojson",
        ["28", "76"],
        [1, 0],
    )
    assert indices == ((1, 0, -1),)  # thirds of 1-10: 6.4 in the second, 2.0 in the first
    texts = [a.text for a in figure.layout.annotations]
    assert "<b>Légende</b>" in texts and "1 – 4" in texts
    assert "non publié &lt;img src=x onerror=alert(1)&gt;" in texts
    assert [trace.name for trace in figure.data][-1] == "labels"
