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
source, its study's fieldwork date and its confidence, the release id, whether the data is
simulated and the link to the view. Values and intervals are rounded as the screen shows them
(:func:`dashboard.text.numbers.rounded`: one decimal for a score, whole percentages unless the
source gives more); the standard flavour adds them in full in their own columns (« Valeur non
arrondie »…), so that no French cell holds more than two decimals and no standard file loses a
digit. ``n`` is the published base where there is one; elsewhere it stays empty and the
« Base » column says « effectif non publié ». An empty cell where there is no number. A text cell a
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
from decimal import Decimal
from typing import NamedTuple

from flask import Blueprint, Response, request

from dashboard.core.context import DataContext
from dashboard.core.state import AppState, parse_state, state_query
from dashboard.server.current import export_context
from dashboard.text.cells import base_text
from dashboard.text.i18n import t
from dashboard.text.numbers import rounded_decimal
from dashboard.views.carte_national import view_refusal
from dashboard.views.donnees import ViewTable, view_table
from dashboard.views.sharing import DEFAULT_FLAVOUR, UNSAFE_IN_NAME, csv_filename
from phare.published import CONFIDENCE_LEVELS

exports = Blueprint("exports", __name__)

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
NOTICE_HEADER = "X-Phare-Notice"


@dataclass(frozen=True)
class CsvFlavour:
    separator: str
    decimal: str
    byte_order_mark: bool
    unrounded: bool  # the numbers in full beside the rounded ones (columns ``in_full``)


FLAVOURS = {
    "fr": CsvFlavour(separator=";", decimal=",", byte_order_mark=True, unrounded=False),
    "standard": CsvFlavour(separator=",", decimal=".", byte_order_mark=False, unrounded=True),
}


class Column(NamedTuple):
    header: str  # key of the header's words
    field: str  # the record's field
    number: bool = False
    in_full: bool = False  # an unrounded number: in the flavours that keep them only


ROUNDED = ("value", "ci_low", "ci_high")  # rounded as shown; in full under <name>_unrounded
# the numbers in full, after the rounded interval, in the standard flavour
UNROUNDED_COLUMNS = tuple(
    Column(f"{name}_unrounded_col", f"{name}_unrounded", True, True) for name in ROUNDED
)
# The CSV's columns, in order. Fields of the territory's row first, then those every row of
# the view repeats (see ``view_fields``).
CSV_COLUMNS = (
    Column("code_col", "code"),
    Column("territory_col", "name"),
    Column("value", "value", True),
    Column("unit_col", "unit"),
    Column("ci_low_col", "ci_low", True),
    Column("ci_high_col", "ci_high", True),
    *UNROUNDED_COLUMNS,
    Column("n_col", "n", True),
    Column("n_eff_col", "n_eff", True),
    Column("base", "base"),
    Column("status", "status_label"),
    Column("significance_col", "significance"),
    Column("joint_col", "joint"),
    Column("indicator", "indicator"),
    Column("fragility", "fragility"),
    Column("actor", "actor"),
    Column("segment", "segment"),
    Column("question", "question"),
    Column("source", "source"),
    Column("study_col", "study"),
    Column("fieldwork_col", "fieldwork"),
    Column("confidence_col", "confidence"),
    Column("release_col", "release"),
    Column("simulated_col", "simulated"),
    Column("link_col", "link"),
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
        {
            **row,
            **shared,
            **shown_numbers(row, table.unit_id, lang, published=table.published),
            "source": row["source"] or _no_source(table, lang),
            "confidence": confidence_text(row.get("confidence"), lang),
        }
        for row in (*table.regions, table.france)
    ]
    return write_csv(CSV_COLUMNS, records, lang, flavour)


def write_csv(
    columns: Sequence[tuple],
    records: Iterable[Mapping[str, object]],
    lang: str,
    flavour: CsvFlavour,
) -> str:
    """A CSV file without its byte-order mark: the headers of ``columns`` (:class:`Column`s,
    or (header key, record field, is a number)) in ``lang``, then one line per record, numbers
    with the flavour's decimal mark and text defused against spreadsheet formulas. The
    columns of numbers in full are left out of a flavour without them."""
    kept = [
        c for c in (Column(*column) for column in columns) if flavour.unrounded or not c.in_full
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=flavour.separator, lineterminator="\r\n")
    writer.writerow([t(column.header, lang) for column in kept])
    for record in records:
        writer.writerow(
            [
                csv_number(record[c.field], flavour.decimal)
                if c.number
                else safe_text(record[c.field])
                for c in kept
            ]
        )
    return out.getvalue()


def shown_numbers(
    row: Mapping[str, object], unit: str, lang: str, *, published: bool
) -> dict[str, object]:
    """A row's numbers as a reader pastes them: value and interval rounded as the screen shows
    them, each beside itself in full (``value_unrounded``…); ``n`` whole, empty without a
    published base, and the base in words (« effectif non publié » without one); ``n_eff``
    whole, as shown. ``published``: a published figure keeps its source's decimals."""
    numbers: dict[str, object] = {}
    for name in ROUNDED:
        number = optional_number(row.get(name))
        shown = None if number is None else rounded_decimal(number, unit, published=published)
        numbers[name] = shown
        numbers[f"{name}_unrounded"] = number
    n, n_eff = optional_number(row.get("n")), optional_number(row.get("n_eff"))
    numbers["n"] = None if n is None else round(n)
    numbers["n_eff"] = None if n_eff is None else round(n_eff)
    numbers["base"] = base_text([] if n is None else [n], lang)
    return numbers


def confidence_text(confidence: object, lang: str) -> str:
    """How sure the source's reading of a published figure is, in words; "" for an estimate."""
    return t(f"confidence_{confidence}", lang) if confidence in CONFIDENCE_LEVELS else ""


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


def csv_number(value: float | int | Decimal | None, decimal: str) -> str:
    """A number as given, with the reader's decimal mark; "" when there is none. A float is
    written in full (``repr``: it reads back to the same float), a :class:`~decimal.Decimal`
    with its own decimals (a rounded value: ``6.0``)."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal):
        return str(value).replace(".", decimal)
    text = repr(float(value))
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
