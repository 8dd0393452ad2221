"""Text as Plotly renders it: a subset of HTML, so data-derived text is escaped, and
``<br>`` for line breaks."""

from __future__ import annotations

import textwrap

CAPTION_WIDTH = 130  # characters per line of a figure's caption


def escape(text: object) -> str:
    """Plotly renders a subset of HTML in texts: neutralise it in data-derived text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrapped(caption: str, width: int = CAPTION_WIDTH) -> str:
    """The caption as Plotly shows it: escaped, with line breaks."""
    # never inside a hyphenated word: "PHARE-Associations", "2016-02-29" stay whole
    return "<br>".join(textwrap.wrap(escape(caption), width, break_on_hyphens=False))
