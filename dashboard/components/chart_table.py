"""A chart and, right after it, the table of the same numbers: the text equivalent every chart has.

The table is focusable (``tabIndex=0``) so that a keyboard reader tabbing past the chart lands
on its numbers; screen readers announce its caption.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.views.no_value import NoValue

# showSendToCloud: plotly.js 4 would offer to upload the chart to Plotly Cloud
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "showSendToCloud": False}
DEFAULT_HEIGHT = 420


def chart_with_table(
    chart_id: str,
    figure: go.Figure,
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    lang: str,
) -> html.Figure:
    """The graph, then its table (``rows`` already formatted as the chart shows them);
    ``lang`` is the language of Plotly's own words (its locale)."""
    return html.Figure(
        [
            dcc.Graph(
                id=chart_id,
                figure=figure,
                config={
                    **GRAPH_CONFIG,
                    "locale": lang,
                    # the caption is inside the figure: the download carries its sources
                    "toImageButtonOptions": {"filename": chart_id, "scale": 2},
                },
                style={"height": f"{figure.layout.height or DEFAULT_HEIGHT}px"},
            ),
            data_table(f"{chart_id}-table", caption, header, rows),
        ],
        className="chart-with-table",
    )


def data_table(
    table_id: str,
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    printed: bool = False,
) -> html.Table:
    """A focusable table; ``printed``: kept on paper (a chart's table is not: the chart is)."""
    return html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(cell, scope="col") for cell in header])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        id=table_id,
        tabIndex=0,
        className="table table-sm chart-table" + (" print-keep" if printed else ""),
    )


def no_value_note(note_id: str, missing: NoValue) -> html.P:
    """What stands in place of a chart that would have no value: the sentence saying what is
    missing, then the link to where to look."""
    return html.P(
        [missing.text, " ", html.A(missing.link_text, href=missing.href)],
        id=note_id,
        className="no-value-note",
    )
