import math

from dashboard.figures.dots import DotSeries, dot_chart, gap_chart
from dashboard.figures.row_labels import ROW_LABEL

NAN = math.nan


def series(name, values, france=False):
    return DotSeries(
        name=name,
        values=values,
        lows=[v - 0.5 for v in values],
        highs=[v + 0.5 for v in values],
        markers=["▲", ""],
        hover=["a", "b"],
        france=france,
    )


def test_dot_chart_puts_every_series_on_one_axis_with_intervals_and_caption():
    figure = dot_chart(
        (["Économiques", "Sociales"], ["Emploi", "Santé"]),
        [series("Bretagne", [6.0, 7.0]), series("France", [6.5, NAN], france=True)],
        caption="Source : X",
        x_range=(1, 10),
        x_title="Score",
        simulated=False,
        lang="fr",
    )
    assert list(figure.layout.xaxis.range) == [1, 10]
    region, france = figure.data
    assert list(region.error_x.array) == [0.5, 0.5]
    assert region.text == ("▲", "")
    assert france.marker.symbol == "diamond-open"
    # issue 21: the rows are labelled above their markers (annotations), not in tick labels
    assert [a.text for a in figure.layout.annotations if a.name != ROW_LABEL] == ["Source : X"]
    labels = [a for a in figure.layout.annotations if a.name == ROW_LABEL]
    assert [(a.text, a.y) for a in labels] == [
        ("<b>Économiques</b> · Emploi", 0),
        ("<b>Sociales</b> · Santé", 1),
    ]
    assert figure.layout.yaxis.showticklabels is False


def test_simulated_charts_carry_the_watermark():
    figure = dot_chart(
        ["Emploi", "Santé"],
        [series("Bretagne", [6.0, 7.0])],
        caption="c",
        x_range=(1, 10),
        x_title="Score",
        simulated=True,
        lang="fr",
    )
    assert "DONNÉES SIMULÉES" in [a.text for a in figure.layout.annotations]


def test_gap_chart_is_centred_on_zero():
    figure = gap_chart(
        ["A − B", "A − C"],
        [1.2, -0.4],
        [0.8, -0.9],
        [1.6, 0.1],
        ["*", ""],
        caption="c",
        x_title="Écart",
        simulated=False,
        lang="fr",
    )
    low, high = figure.layout.xaxis.range
    assert low == -high and high >= 1.6
    assert figure.data[0].marker.color[0] != figure.data[0].marker.color[1]
