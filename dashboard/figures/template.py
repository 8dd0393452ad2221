"""One Plotly template per language for every figure: fonts, colours and number separators in
one place, slim on the wire."""

from __future__ import annotations

import plotly.graph_objects as go

FONT_FAMILY = "Marianne, 'Source Sans 3', Arial, sans-serif"
# The fills of states without a value come from the status table (phare/catalogue/statuses.yaml).
BORDER_COLOUR = "#ffffff"
TEXT_COLOUR = "#1e1e1e"  # text, outlines and France's marker: near black, 16:1 on white
# Plotly's ``separators``: the decimal mark, then the thousands separator. French writes 6,5 and
# 1 192 000 with a narrow no-break space (as Babel's fr_FR does in the page's texts); English
# 6.5 and 1,192,000. The graphs' ``config={"locale": lang}`` translates Plotly's own words.
SEPARATORS = {"fr": ",\u202f", "en": ".,"}

_LAYOUT = {
    "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}, "bgcolor": "#ffffff"},
    "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
}
TEMPLATES = {
    lang: go.layout.Template(layout=go.Layout(**_LAYOUT, separators=separators))
    for lang, separators in SEPARATORS.items()
}


def phare_template(lang: str = "fr") -> go.layout.Template:
    """The template of figures in ``lang`` (French for an unknown language)."""
    return TEMPLATES.get(lang, TEMPLATES["fr"])
