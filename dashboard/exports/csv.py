"""Downloads beside Dash: the CSV of the current view, ``GET /export/view.csv?<state query>``.

Two flavours (``flavour=``), one layout. ``fr``, the default in French, is what a French
spreadsheet expects: UTF-8 with a byte-order mark (without it Excel reads the accents as
Windows-1252), ``;`` between fields and a decimal comma (a comma-separated file opens in a
single column there). ``standard``, the default in English, is plain CSV for code and
databases: UTF-8 without a mark, ``,`` and a decimal point. A bad ``flavour`` falls back to the
language's default and the response says so in its ``X-Phare-Notice`` header.

The file is one tidy table that reads back with ``pandas.read_csv`` alone: a header row, then
one row per region and France last, each carrying what must travel with its number — value,
interval, bases, status, the view's indicator, fragility, actor and segment, the question, the
source, the release id, whether the data is simulated and the link to the view. Numbers are
written in full (the values the map rounds), an empty cell when there is none. A text cell a
spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed) is prefixed with ``'``; numbers are never touched (``-5`` stays
``-5``, ``-1,5`` stays ``-1,5``). A bad view parameter falls back to its default, as on every
page.

A view without any regional value has no map to export: this file and the images
(``/export/view.png|svg``) answer 404 with a plain-text sentence in the view's language
(:func:`no_map_response`): a national-only view's points at its national chart's export
(``/export/chart/carte-national.*``), a view with no value at all at the France page
(:mod:`dashboard.views.carte_national`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from flask import Blueprint, Response, request

from dashboard.core.context import DataContext
from dashboard.core.state import AppState, parse_state, state_query
from dashboard.server.current import export_context
from dashboard.text.i18n import t
from dashboard.views.carte_national import view_refusal
from dashboard.views.donnees import ViewTable, view_table
from dashboard.views.sharing import DEFAULT_FLAVOUR, UNSAFE_IN_NAME, csv_filename

exports = Blueprint("exports", __name__)

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
NOTICE_HEADER = "X-Phare-Notice"


@dataclass(frozen=True)
class CsvFlavour:
    separator: str
    decimal: str
    byte_order_mark: bool


FLAVOURS = {
    "fr": CsvFlavour(separator=";", decimal=",", byte_order_mark=True),
    "standard": CsvFlavour(separator=",", decimal=".", byte_order_mark=False),
}
# (column header key, row field, is a number): the CSV's columns, in order. Fields of the
# territory's row first, then those every row of the view repeats (see ``view_fields``).
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
    ("indicator", "indicator", False),
    ("fragility", "fragility", False),
    ("actor", "actor", False),
    ("segment", "segment", False),
    ("question", "question", False),
    ("source", "source", False),
    ("study_col", "study", False),
    ("release_col", "release", False),
    ("simulated_col", "simulated", False),
    ("link_col", "link", False),
)


@exports.get("/export/view.csv")
def view_csv() -> Response:
    context = export_context()
    state, _ = parse_state(request.args.to_dict(), context.choices)
    refused = no_map_response(context, state)
    if refused is not None:
        return refused
    name, notice = flavour_of(request.args.get("flavour"), state.lang)
    flavour = FLAVOURS[name]
    release = context.dataset(state.dataset).id
    link = request.host_url.rstrip("/") + "/" + state_query(state, release=release)
    text = csv_text(view_table(context, state), state.lang, link, flavour)
    return csv_response(text, flavour, csv_filename(state, name), notice)


def no_map_response(context: DataContext, state: AppState) -> Response | None:
    """404 with the sentence saying what is missing and where to look, when ``state`` has no
    regional value (None: the map has one)."""
    message = view_refusal(context, state)
    if message is None:
        return None
    return Response(message, status=404, content_type="text/plain; charset=utf-8")


def csv_response(text: str, flavour: CsvFlavour, filename: str, notice: str | None) -> Response:
    """A CSV file as an attachment, with its byte-order mark when the flavour has one and the
    notice of a replaced parameter, if any."""
    response = Response(
        (BOM if flavour.byte_order_mark else "") + text,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    if notice:
        response.headers[NOTICE_HEADER] = notice
    return response


def flavour_of(requested: str | None, lang: str) -> tuple[str, str | None]:
    """(flavour name, notice): the requested flavour, or the language's default with a notice."""
    default = DEFAULT_FLAVOUR.get(lang, "fr")
    if requested is None or requested in FLAVOURS:
        return requested or default, None
    shown = UNSAFE_IN_NAME.sub("_", requested[:40])
    return default, f"flavour '{shown}' unknown; '{default}' used (fr, standard)"


def csv_text(table: ViewTable, lang: str, link: str, flavour: CsvFlavour | None = None) -> str:
    """The whole file (without its byte-order mark)."""
    flavour = flavour or FLAVOURS[DEFAULT_FLAVOUR.get(lang, "fr")]
    shared = view_fields(table, lang, link)
    records = [
        {**row, **shared, "source": row["source"] or _no_source(table, lang)}
        for row in (*table.regions, table.france)
    ]
    return write_csv(CSV_COLUMNS, records, lang, flavour)


def write_csv(
    columns: Sequence[tuple[str, str, bool]],
    records: Iterable[Mapping[str, object]],
    lang: str,
    flavour: CsvFlavour,
) -> str:
    """A CSV file without its byte-order mark: the headers of ``columns`` (header key, record
    field, is a number) in ``lang``, then one line per record, numbers with the flavour's
    decimal mark and text defused against spreadsheet formulas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=flavour.separator, lineterminator="\r\n")
    writer.writerow([t(key, lang) for key, _, _ in columns])
    for record in records:
        writer.writerow(
            [
                csv_number(record[field], flavour.decimal) if number else safe_text(record[field])
                for _, field, number in columns
            ]
        )
    return out.getvalue()


def view_fields(table: ViewTable, lang: str, link: str) -> dict[str, str]:
    """What every row of the view repeats, so that a row read alone keeps its meaning."""
    labels = table.labels
    return {
        "unit": table.unit,
        "indicator": labels.indicator,
        "fragility": labels.fragility,
        "actor": labels.actor,
        "segment": labels.segment,
        "question": table.question,
        "release": table.release_id,
        "simulated": t("yes" if table.simulated else "no", lang),
        "link": link,
    }


def _no_source(table: ViewTable, lang: str) -> str:
    """A row without a value of its own: the simulated data still say where they come from."""
    return t("simulated", lang) if table.simulated else ""


def csv_number(value: float | int | None, decimal: str) -> str:
    """A number in full, with the reader's decimal mark; "" when there is none."""
    if value is None:
        return ""
    text = str(value) if isinstance(value, int) else repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", decimal)


def optional_number(value: object) -> float | None:
    """A cell's number, or None where there is none (None, NaN, pd.NA, text): an empty cell."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def safe_text(value: object) -> str:
    """Text a spreadsheet shows as text: a leading ``'`` defuses a would-be formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
