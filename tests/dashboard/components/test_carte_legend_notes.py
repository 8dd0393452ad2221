"""The legend's notes (the scale shown, the regions against France) in the figure's legend,
which the PNG/SVG and slide exports carry, and in the text legend under the map on phones."""

from dashboard.components.carte_legend import legend
from dashboard.components.carte_map import legend_items, map_panel
from dashboard.core.state import AppState
from dashboard.figures.choropleth import LEGEND_PAD_PX, LegendItem, legend_layout
from dashboard.text.markup import escape
from dashboard.views.carte import LegendEntry
from tests.layout_tree import text_of, walk

NBSP = "\u00a0"


def notes_of(tree) -> list[str]:
    """The text legend's notes: the items of its list of notes."""
    lists = [c for c in walk(tree) if getattr(c, "className", None) == "legend-notes"]
    return [text_of(item) for notes in lists for item in notes.children]


COMPANIES = AppState(
    dataset="simule", actor="entreprises", indicator="fragility_mean_score", fragility="emploi"
)


def test_the_figure_legend_draws_the_notes_without_swatch():
    items = (
        LegendItem("#111111", "5,1 – 5,4", "2 rég."),
        LegendItem("", "Classes selon les données", ""),
        LegendItem("", f"▲ au-dessus{NBSP}: 1 rég.", ""),
    )
    layout = legend_layout(items, "Légende")
    assert len(layout["shapes"]) == 1
    notes = layout["annotations"][2:]
    assert [note["text"] for note in notes] == [
        "Classes selon les données",
        escape(f"▲ au-dessus{NBSP}: 1 rég."),
    ]
    title = layout["annotations"][0]
    assert (
        {note["xshift"] for note in notes}
        == {title["xshift"]}
        == {LEGEND_PAD_PX - layout["margin"]["l"]}
    )
    assert [a["yshift"] for a in layout["annotations"]] == sorted(
        (a["yshift"] for a in layout["annotations"]), reverse=True
    )


def test_the_carte_figure_and_text_legend_carry_the_notes(context):
    panel = map_panel(context, COMPANIES)
    notes = panel.view.legend_notes
    assert notes[0] == "Classes selon les données"
    assert legend_items(panel.view, "fr")[-len(notes) :] == tuple(
        LegendItem("", note, "") for note in notes
    )
    drawn = [annotation["text"] for annotation in panel.changes["layout"]["annotations"]]
    assert [escape(note) for note in notes] == [
        text for text in drawn if text in map(escape, notes)
    ]
    assert notes_of(panel.legend) == list(notes)


def test_the_text_legend_lists_notes_after_the_classes():
    shown = legend(
        (LegendEntry("#111111", "5,1 – 5,4", 2),), "rég.", "fr", ("Classes selon les données",)
    )
    assert shown[-1].className == "legend-notes"
    assert notes_of(shown) == ["Classes selon les données"]
    assert len(legend((LegendEntry("#111111", "5,1 – 5,4", 2),), "rég.", "fr")) == 2
