"""Territory grids (dash-ag-grid: sortable, filterable, keyboard-usable): the map's, and others'."""

from __future__ import annotations

import dash_ag_grid as dag

from dashboard.components.grid_locale import AG_GRID_LOCALE_FR
from dashboard.text.i18n import t
from dashboard.views.carte import MapView

COLUMNS = ("territory_col", "value", "interval_col", "n_col", "n_eff_col", "status")
FIELDS = ("name", "value", "interval", "n", "n_eff", "status")
MAX_ROWS = 200  # communes: the grid lists the first rows; the CSV export has them all
# a long name (« Provence-Alpes-Côte d'Azur ») wraps inside its cell rather than being cut
WRAPPED = {"wrapText": True, "autoHeight": True, "cellStyle": {"lineHeight": "1.4"}}
NAME_COLUMN = WRAPPED | {"minWidth": 170, "flex": 2}


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
    columns = [
        text_column(field, t(header, lang)) | (NAME_COLUMN if field == "name" else {})
        for field, header in zip(FIELDS, COLUMNS, strict=True)
    ]
    return data_grid("values-table", rows, columns, class_name="values-table", lang=lang)


def text_column(field: str, header: str) -> dict:
    return {"field": field, "headerName": header, "sortable": True, "filter": True}


def number_column(field: str, header: str, label_field: str) -> dict:
    """Sorted and filtered on the number ``field``, shown as its formatted ``label_field``."""
    return {
        "field": field,
        "headerName": header,
        "sortable": True,
        "filter": "agNumberColumnFilter",
        "valueFormatter": {"function": f"params.data.{label_field}"},
        "type": "rightAligned",
    }


def data_grid(
    grid_id: str,
    rows: list[dict],
    columns: list[dict],
    *,
    class_name: str = "",
    grid_options: dict | None = None,
    lang: str = "fr",
) -> dag.AgGrid:
    """A grid of territories (row id: ``code``), sized to its rows, in reading order; its
    menus and filters in ``lang`` (AG Grid's own French locale, or its default English)."""
    options = {"domLayout": "autoHeight", "ensureDomOrder": True, **(grid_options or {})}
    if lang == "fr":
        options["localeText"] = AG_GRID_LOCALE_FR
    return dag.AgGrid(
        id=grid_id,
        rowData=rows,
        columnDefs=columns,
        getRowId="params.data.code",
        defaultColDef={"resizable": True, "flex": 1},
        dashGridOptions=options,
        className=f"ag-theme-alpine {class_name}".rstrip(),
    )
