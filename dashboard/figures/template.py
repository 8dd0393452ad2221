"""One Plotly template for every figure: fonts and colours in one place, slim on the wire."""

from __future__ import annotations

import plotly.graph_objects as go

FONT_FAMILY = "Marianne, 'Source Sans 3', Arial, sans-serif"
# The fills of states without a value come from the status table (phare/catalogue/statuses.yaml).
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
