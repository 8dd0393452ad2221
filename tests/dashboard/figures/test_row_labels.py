"""Row labels above the markers (issue 21): a chart that reads at 390 px as at 1,440 px."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.figures.ranked import RankedSeries, ranked_chart
from dashboard.figures.row_labels import (
    CAPTION_CHARS,
    LABEL_CHARS,
    ROW_LABEL,
    headroom,
    label_rows,
    legend_room,
    narrow_caption,
    row_labels,
)

LONG = "Environnement / pollution / biodiversité / transition énergétique"


@pytest.mark.parametrize(
    ("categories", "texts", "lines"),
    [
        (["Emploi", "Santé"], ("Emploi", "Santé"), 1),
        (["A & B"], ("A &amp; B",), 1),
        (
            [LONG],
            ("Environnement / pollution / biodiversité /<br>transition énergétique",),
            2,
        ),
        (
            (["Éco", "Éco", "Soc"], ["Emploi", "Achat", "Santé"]),
            ("<b>Éco</b> · Emploi", "Achat", "<b>Soc</b> · Santé"),
            1,
        ),
        (
            (["Critères environnementaux"], ["Transition énergétique"]),
            ("<b>Critères environnementaux</b> · Transition énergétique",),
            1,
        ),
        (
            (["Critères environnementaux"], ["Environnement / pollution / biodiversité"]),
            ("<b>Critères environnementaux</b><br>Environnement / pollution / biodiversité",),
            2,
        ),
        (
            (["Domaine méritant des partenariats : Emploi / chômage / insertion"], ["Maires"]),
            (
                "<b>Domaine méritant des partenariats : Emploi /</b><br>"
                "<b>chômage / insertion</b> · Maires",
            ),
            2,
        ),
        (
            ["PHARE-Associations 2016-02-29 " * 2],
            ("PHARE-Associations 2016-02-29 PHARE-Associations<br>2016-02-29",),
            2,
        ),
    ],
)
def test_row_labels(categories, texts, lines):
    labels = row_labels(categories)
    assert labels.texts == texts
    assert labels.lines == lines
    for text in texts:
        plain = text.replace("<b>", "").replace("</b>", "").replace("&amp;", "&")
        assert all(len(line) <= LABEL_CHARS for line in plain.split("<br>"))


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Source : X", "Source : X"),
        ("a<br>b", "a b"),
        (
            "Source : Le RAMEAU – Observatoire des partenariats, PHARE-Institutions (2017-08) ;<br>"
            "Base : effectif non publié",
            "Source : Le RAMEAU – Observatoire des partenariats,<br>"
            "PHARE-Institutions (2017-08) ; Base : effectif non publié",
        ),
    ],
)
def test_narrow_caption(caption, expected):
    narrow = narrow_caption(caption)
    assert narrow == expected
    assert all(len(line) <= CAPTION_CHARS for line in narrow.split("<br>"))


@pytest.mark.parametrize(("row", "above", "rows"), [(31, 22, 0.21), (31, 10, 0.0), (46, 37, 0.30)])
def test_headroom(row, above, rows):
    assert headroom(row, above) == pytest.approx(rows, abs=0.01)


@pytest.mark.parametrize(
    ("names", "room"),
    [
        (["France"], 40),
        (["Normandie", "Occitanie", "France"], 67),
        (["Citoyens<br>Français", "Maires<br>Communes", "Entreprises<br>Dirigeants"], 106),
    ],
)
def test_legend_room_holds_the_entries_stacked(names, room):
    assert legend_room(names) == room


def test_label_rows_hides_tick_labels_and_keeps_the_first_row_on_top():
    figure = go.Figure(go.Scatter(x=[1, 2], y=["a", "b"]))
    label_rows(figure, row_labels(["a", "b"]), row=31, above=22)
    yaxis = figure.layout.yaxis
    assert yaxis.showticklabels is False
    assert yaxis.range[0] == 1.5 and yaxis.range[1] == pytest.approx(-0.5 - 22 / 31 + 0.5)
    drawn = [(a.text, a.y, a.yshift, a.yanchor, a.x, a.xanchor) for a in figure.layout.annotations]
    assert drawn == [("a", 0, 10, "bottom", 0, "left"), ("b", 1, 10, "bottom", 0, "left")]


def test_ranked_chart_labels_its_rows_in_their_order():
    series = RankedSeries(
        name="Maires",
        colour="#CC79A7",
        labels=["B", "A"],
        values=[40.0, 87.0],
        texts=["40 %", "87 %"],
        hollow=[False, True],
        hover=["b", "a"],
    )
    figure = ranked_chart(
        ["A", "B"], [series], caption="Source : X", x_title="%", simulated=False, lang="fr"
    )
    labels = [(a.text, a.y) for a in figure.layout.annotations if a.name == ROW_LABEL]
    assert labels == [("A", 0), ("B", 1)]
    assert list(figure.layout.yaxis.categoryarray) == ["A", "B"]
    assert figure.layout.yaxis.showticklabels is False
    assert figure.data[0].width == pytest.approx(16 / 42)
