"""The Analyse page's grid and its copy for a spreadsheet: rows, column definitions, text.

Plain data for the page's AG Grid (``dashboard.components.values_table.data_grid``): one row
per table row, and per table column a group of three grid columns (value, interval, base)
whose fields (``c0_value``, ``c0_text``…) are those of the rows. The value column sorts on the
number and shows the text (``c0_text``: "7,1 ▲", "non publié").
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from dashboard.core.context import DataContext
from dashboard.text.i18n import labelled, t
from dashboard.views.analyse import AnalysisView


def grid_columns(context: DataContext, view: AnalysisView) -> list[dict]:
    """The group (fragilities only), the row's label, then per table column its value,
    interval and base."""
    lang = view.state.lang
    table = view.table
    columns = []
    if table.choice.rows == "fragility":
        groups = group_labels(context, view)
        columns.append(
            {
                "field": "group",
                "headerName": t("group_col", lang),
                "sortable": True,
                "minWidth": 170,
                "valueFormatter": {"function": f"({groups_js(groups)})[params.value]"},
            }
        )
    columns.append(
        {
            "field": "label",
            "headerName": t(f"dim_{table.choice.rows}", lang),
            "sortable": True,
            "minWidth": 220,
        }
    )
    return columns + [_column_group(at, col.label, lang) for at, col in enumerate(table.cols)]


def _column_group(at: int, label: str, lang: str) -> dict:
    """The value (sorted as a number, shown as text), interval and base of column ``at``."""
    return {
        "headerName": label,
        "children": [
            {
                "field": f"c{at}_value",
                "headerName": t("value", lang),
                "sortable": True,
                "type": "rightAligned",
                "valueFormatter": {"function": f"params.data.c{at}_text"},
                "minWidth": 110,
            },
            {
                "field": f"c{at}_interval",
                "headerName": t("interval_col", lang),
                "minWidth": 120,
            },
            {
                "field": f"c{at}_n",
                "headerName": t("n_col", lang),
                "type": "rightAligned",
                "minWidth": 80,
            },
        ],
    }


def groups_js(groups: dict[str, str]) -> str:
    """A JavaScript object literal of the group labels (JSON is one)."""
    return json.dumps(groups, ensure_ascii=False)


def grid_rows(view: AnalysisView) -> list[dict]:
    """One row per table row: label (and group), then per column its value (a number, for
    sorting), the value as shown, the interval and the base."""
    rows = []
    for r, member in enumerate(view.table.rows):
        row = {"code": member.id, "label": member.label, "group": member.group}
        for c in range(len(view.table.cols)):
            value = view.values[r, c]
            row[f"c{c}_value"] = None if np.isnan(value) else float(value)
            row[f"c{c}_text"] = view.texts[r, c]
            row[f"c{c}_interval"] = view.intervals[r, c]
            row[f"c{c}_n"] = view.bases[r, c]
        rows.append(row)
    return rows


def group_labels(context: DataContext, view: AnalysisView) -> dict[str, str]:
    groups = context.catalogue.fragility_groups
    return {group.id: group.label(view.state.lang) for group in groups.values()}


def excel_text(view: AnalysisView) -> str:
    """The table as a spreadsheet paste expects it: tab-separated, decimal comma in French;
    a cell without a value says why (« non publié »)."""
    lang = view.state.lang
    decimal = "," if lang == "fr" else "."
    table = view.table
    header = [t(f"dim_{table.choice.rows}", lang)]
    for col in table.cols:
        header += [
            f"{col.label} – {t('value', lang)}",
            f"{col.label} – {t('ci_low_col', lang)}",
            f"{col.label} – {t('ci_high_col', lang)}",
            f"{col.label} – {t('n_col', lang)}",
        ]
    lines = ["\t".join(header)]
    lows, highs, bases = (table.matrix(name) for name in ("ci_low", "ci_high", "n"))
    for r, member in enumerate(table.rows):
        cells = [member.label]
        for c in range(len(table.cols)):
            value = view.values[r, c]
            shown = view.statuses[r, c] if np.isnan(value) else _number(value, decimal)
            cells += [
                shown,
                _number(lows[r, c], decimal),
                _number(highs[r, c], decimal),
                _number(bases[r, c], decimal),
            ]
        lines.append("\t".join(cells))
    lines.append(labelled("source", lang) + view.caption)
    return "\r\n".join(lines) + "\r\n"


def _number(value: object, decimal: str) -> str:
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{round(number, 4):g}"
    return text.replace(".", decimal)
