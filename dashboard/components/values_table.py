"""The map's numbers as a sortable, filterable, keyboard-usable grid (dash-ag-grid)."""

from __future__ import annotations

import dash_ag_grid as dag

from dashboard.i18n import t
from dashboard.mapview import MapView

COLUMNS = ("territory_col", "value", "interval_col", "n_col", "n_eff_col", "status")
FIELDS = ("name", "value", "interval", "n", "n_eff", "status")
MAX_ROWS = 200  # communes: the grid lists the first rows; the CSV export has them all


def table_rows(view: MapView) -> list[dict]:
    """One plain row per territory, the numbers as the map shows them (French formats)."""
    frame = view.frame.head(MAX_ROWS)
    return [
        {
            "code": code,
            "name": name,
            "value": value,
            "interval": interval,
            "n": n,
            "n_eff": n_eff,
            "status": status,
        }
        for code, name, value, interval, n, n_eff, status in zip(
            *(
                frame[c]
                for c in (
                    "code",
                    "name",
                    "value_label",
                    "interval_label",
                    "n_label",
                    "n_eff_label",
                    "status_label",
                )
            ),
            strict=True,
        )
    ]


def values_table(rows: list[dict], lang: str) -> dag.AgGrid:
    return dag.AgGrid(
        id="values-table",
        rowData=rows,
        columnDefs=[
            {"field": field, "headerName": t(header, lang), "sortable": True, "filter": True}
            for field, header in zip(FIELDS, COLUMNS, strict=True)
        ],
        getRowId="params.data.code",
        defaultColDef={"resizable": True, "flex": 1},
        dashGridOptions={"domLayout": "autoHeight", "ensureDomOrder": True},
        className="ag-theme-alpine values-table",
    )
