from __future__ import annotations

from dash import html

from dashboard.i18n import t
from dashboard.mapview import RegionMapView


def values_table(view: RegionMapView, lang: str) -> html.Table:
    """The map's data as a table: what screen readers and keyboard users read instead."""
    header = html.Tr([html.Th(t(key, lang), scope="col") for key in ("region", "value", "status")])
    rows = [
        html.Tr(
            [html.Th(row.name, scope="row"), html.Td(row.value_label), html.Td(row.status_label)],
            **{"data-region": row.code},
        )
        for row in view.frame.itertuples(index=False)
    ]
    return html.Table(
        [html.Caption(t("table_caption", lang)), html.Thead(header), html.Tbody(rows)],
        className="table table-sm values-table",
    )
