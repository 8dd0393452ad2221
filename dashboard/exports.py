"""Downloads beside Dash: the CSV of the current view, ``GET /export/view.csv?<state query>``.

The file is made for the spreadsheet its reader opens it in. In French (the default), as a
French Excel expects: ``;`` between fields and a decimal comma (a comma-separated file opens in
a single column there); with ``?lang=en``, ``,`` and a decimal point. Always UTF-8 with a
byte-order mark, without which Excel reads the accents as Windows-1252.

Layout: first the lines that must travel with the numbers (« DONNÉES SIMULÉES » when so, then
view, question, base, sources, release and the link to the map view, one ``label;value`` each);
a blank line; then the header and one row per region, France last. Numbers are written in full
(the values the map rounds), an empty cell when there is none. A text cell a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
prefixed with ``'``. A bad parameter falls back to its default, as on every page.
"""

from __future__ import annotations

import csv
import io
import re

from flask import Blueprint, Response, current_app, request

from dashboard.context import EXTENSION_KEY, Unavailable
from dashboard.i18n import t
from dashboard.methodology import ViewTable, view_table
from dashboard.state import AppState, parse_state, state_query

exports = Blueprint("exports", __name__)

BOM = "\ufeff"
DIALECTS = {"fr": (";", ","), "en": (",", ".")}  # language -> (field separator, decimal mark)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# (column header key, row field, is a number): the CSV's columns, in order
CSV_COLUMNS = (
    ("code_col", "code", False),
    ("territory_col", "name", False),
    ("value", "value", True),
    ("unit_col", "unit", False),
    ("ci_low_col", "ci_low", True),
    ("ci_high_col", "ci_high", True),
    ("n_col", "n", True),
    ("n_eff_col", "n_eff", True),
    ("status", "status_label", False),
    ("significance_col", "significance", False),
    ("joint_col", "joint", False),
    ("source", "source", False),
    ("study_col", "study", False),
)
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9_]+")


@exports.get("/export/view.csv")
def view_csv() -> Response:
    context = current_app.extensions[EXTENSION_KEY]
    if isinstance(context, Unavailable):
        return Response(context.reason, status=503, mimetype="text/plain")
    state, _ = parse_state(request.args.to_dict(), context.choices)
    link = request.host_url.rstrip("/") + "/" + state_query(state)
    text = csv_text(view_table(context, state), state.lang, link)
    return Response(
        BOM + text,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{csv_filename(state)}"'},
    )


def csv_filename(state: AppState) -> str:
    """``phare-<indicator>[-<fragility>]-<actor>[-<segment>].csv``, from catalogue ids only."""
    parts = [state.indicator, state.fragility, state.actor]
    if state.segment != "all":
        parts.append(state.segment)
    name = "-".join(UNSAFE_IN_NAME.sub("_", part) for part in parts if part)
    return f"phare-{name}.csv"


def csv_text(table: ViewTable, lang: str, link: str) -> str:
    """The whole file (without its byte-order mark)."""
    separator, decimal = DIALECTS.get(lang, DIALECTS["fr"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for line in header_lines(table, lang, link):
        writer.writerow([safe_text(cell) for cell in line])
    writer.writerow([])
    writer.writerow([t(key, lang) for key, _, _ in CSV_COLUMNS])
    for row in (*table.regions, table.france):
        cells = {**row, "unit": table.unit}
        writer.writerow(
            [
                csv_number(cells[field], decimal) if number else safe_text(cells[field])
                for _, field, number in CSV_COLUMNS
            ]
        )
    return out.getvalue()


def header_lines(table: ViewTable, lang: str, link: str) -> list[tuple[str, ...]]:
    """What must travel with the numbers: (label, value) lines, « DONNÉES SIMULÉES » alone."""
    lines = [(t("simulated", lang),)] if table.simulated else []
    lines += [(t("view_label", lang), table.caption), (t("question", lang), table.question)]
    lines.append((t("base", lang), table.base))
    sources = table.sources or (t("not_published", lang),)
    lines += [(t("source", lang), source) for source in sources]
    lines.append((t("release_title", lang), table.release))
    lines.append((t("csv_link", lang), link))
    return lines


def csv_number(value: float | int | None, decimal: str) -> str:
    """A number in full, with the reader's decimal mark; "" when there is none."""
    if value is None:
        return ""
    text = str(value) if isinstance(value, int) else repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", decimal)


def safe_text(value: object) -> str:
    """Text a spreadsheet shows as text: a leading ``'`` defuses a would-be formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
