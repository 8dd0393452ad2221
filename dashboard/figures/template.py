"""One Plotly template for every figure: fonts and colours in one place, slim on the wire."""

from __future__ import annotations

import plotly.graph_objects as go

FONT_FAMILY = "Marianne, 'Source Sans 3', Arial, sans-serif"
# Fills of the states without a value, distinct from every class colour and from each other.
NO_VALUE_FILLS = {
    "non_publie": "#bdbdbd",  # surveyed, but never published for this cell
    "non_couvert": "#f0f0f0",  # not surveyed (overseas regions)
}
# A very light fill needs a visible outline on the white page.
NO_VALUE_BORDERS = {"non_couvert": "#9e9e9e"}
BORDER_COLOUR = "#ffffff"

PHARE_TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 14, "color": "#1e1e1e"},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 13}, "bgcolor": "#ffffff"},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
)
