"""Reading a visitor's upload in memory: bytes to text, text to records, cells to values.

Decoding refuses whole files with :class:`InvalidUpload`; the cell readers return the value or
``None`` with the key of what is wrong (the keys of :data:`dashboard.upload.problems.MESSAGES`),
so that a row can report every bad cell at once. Text meant to be shown goes through
:func:`display_text`: plain text, never HTML.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from pathlib import PurePosixPath

from dashboard.text.i18n import t
from dashboard.text.numbers import format_count
from phare.errors import PhareError
from phare.table_files import content_kind

COMMUNE_CODE = re.compile(r"\d{5}|2[AB]\d{3}", re.ASCII)
LOST_ZERO = re.compile(r"\d{4}", re.ASCII)  # "01001" read as a number by a spreadsheet gives "1001"
# Thousands separators people and locales write: spaces of every width, the apostrophe of
# Swiss French; "−" is the typographic minus.
IGNORED = dict.fromkeys(map(ord, " \u00a0\u202f\u2009\u2007'’"), None)
MINUS = str.maketrans({"\u2212": "-"})
PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?", re.ASCII)
# 1,234,567 or 1.234,5 or 1,234.5: groups of three after a thousands separator, which the
# decimal separator (if any) differs from.
GROUPED_NUMBER = re.compile(r"([+-]?\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)(?:([.,])(\d+))?", re.ASCII)
NOT_FINITE = frozenset({"nan", "inf", "infinity", "+inf", "-inf", "+infinity", "-infinity"})
UNSHOWN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
SHOWN_CHARS = 40
MAX_ROWS = 40_000  # data rows; France has about 35,000 communes
MAX_NAME_CHARS = 80
DELIMITERS = ("\t", ";", ",")  # sniffed in this order; ";" is what French spreadsheets write
SNIFFED_LINES = 20
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in text: tab, CR and LF only
FOREIGN_CONTENT = ("zip", "parquet")  # contents recognised by their first bytes, not CSV


class InvalidUpload(PhareError):
    """A visitor's upload is refused as a whole, before any row is joined.

    Fires on a file that is too large (judged on the base64 text, before decoding), not base64,
    not named .csv or .txt, binary, empty, without data rows or separator, over
    :data:`MAX_ROWS` rows, or with more unknown codes than
    :data:`dashboard.upload.communes.MAX_UNKNOWN_CODES`.
    ``kind`` names the reason for the UI; ``problem`` is the key of its words in
    :mod:`dashboard.text.i18n` (``upload_problem_<problem>``, filled with ``values``), so that
    :meth:`message` says it in the reader's language, with the file, the row and the column
    when there is one. ``str()`` is the French message.
    """

    def __init__(
        self,
        file: str,
        kind: str,
        problem: str,
        row: int | None = None,
        column: int | None = None,
        **values: object,
    ) -> None:
        self.file = file
        self.kind = kind
        self.problem = problem
        self.values = values
        self.row = row
        self.column = column
        super().__init__(self.message("fr"))

    def message(self, lang: str) -> str:
        where = t("upload_row", lang, row=self.row) if self.row else ""
        if self.column:
            where += t("upload_column", lang, column=self.column)
        place = f"{self.file}, {where}" if where else self.file
        values = {
            name: format_count(value, lang) if isinstance(value, int) else value
            for name, value in self.values.items()
        }
        text = t(f"upload_problem_{self.problem}", lang, **values)
        return place + (" : " if lang == "fr" else ": ") + text


def display_text(text: str, limit: int = SHOWN_CHARS) -> str:
    """A cell as plain text to show: invisible and control characters (bidi overrides, line
    breaks…) replaced by U+FFFD, cut to ``limit`` characters with "…". Never HTML."""
    cut = text[: limit + 1]
    shown = "".join(
        "\ufffd" if unicodedata.category(char) in UNSHOWN_CATEGORIES else char for char in cut
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def base_name(filename: str) -> str:
    """The file's name without folders (old browsers send ``C:\\fakepath\\…``)."""
    return PurePosixPath(str(filename).replace("\\", "/")).name


def display_name(filename: str) -> str:
    """The file's base name as plain text, for messages."""
    return display_text(base_name(filename), MAX_NAME_CHARS) or "fichier sans nom"


def read_code(cell: str) -> tuple[str | None, str | None]:
    """``"1001"`` → ``"01001"``, ``"2a004"`` → ``"2A004"``; the code's form only, not whether
    a commune has it."""
    code = cell.strip().upper()
    if not code:
        return None, "missing_code"
    if LOST_ZERO.fullmatch(code):
        code = "0" + code
    if COMMUNE_CODE.fullmatch(code):
        return code, None
    return None, "bad_code"


def read_value(cell: str) -> tuple[float | None, str | None]:
    """A finite number written the French or the English way.

    ``"6,5"``, ``"6.5"``, ``"1 234,5"`` (any space), ``"1.234,5"``, ``"1,234.5"``, ``"87 %"``
    (87, not 0.87) and ``"−2"`` are read; a lone separator is a decimal one (``"1,234"`` is
    1.234). ``"inf"``, ``"NaN"`` and overflowing numbers are refused as not finite.
    """
    text = cell.translate(IGNORED).translate(MINUS).removesuffix("%")
    if not text:
        return None, "missing_value"
    if text.lower() in NOT_FINITE:
        return None, "not_finite"
    number = _as_float_text(text)
    if number is None:
        return None, "not_a_number"
    value = float(number)
    if not math.isfinite(value):
        return None, "not_finite"
    return value, None


def _as_float_text(text: str) -> str | None:
    """The number in Python's syntax, or ``None``; never lets ``float`` see "1_000" or "nan"."""
    if PLAIN_NUMBER.fullmatch(text) and text.count(",") + text.count(".") <= 1:
        return text.replace(",", ".")
    grouped = GROUPED_NUMBER.fullmatch(text)
    if grouped is None or grouped[3] == grouped[2]:
        return None
    integer = grouped[1].replace(grouped[2], "")
    return f"{integer}.{grouped[4]}" if grouped[3] else integer


def decode_text(data: bytes, file: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM (``utf-8-sig``, ``utf-8``), UTF-16 with BOM
    (Excel's "Unicode text"), else cp1252, else latin-1. Refuses binary content."""
    kind = content_kind(data)
    if kind in FOREIGN_CONTENT:
        raise InvalidUpload(file, "binary", f"foreign_{kind}")
    encodings = ["utf-16"] if data.startswith((b"\xff\xfe", b"\xfe\xff")) else []
    for encoding in [*encodings, "utf-8-sig", "cp1252", "latin-1"]:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    control = CONTROL.search(text)
    if control is not None:
        row = text.count("\n", 0, control.start()) + 1
        byte = f"0x{ord(control[0]):02x}"
        raise InvalidUpload(file, "binary", "binary", row, byte=byte)
    if not text.strip():
        raise InvalidUpload(file, "empty", "empty")
    if encoding == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8"
    return text, encoding


def sniff_delimiter(text: str, file: str) -> str:
    """Tab, ``;`` or ``,``: the first found on at least half of the first non-blank lines."""
    sample = [line for line in text.splitlines() if line.strip()][:SNIFFED_LINES]
    for delimiter in DELIMITERS:
        if 2 * sum(delimiter in line for line in sample) >= len(sample):
            return delimiter
    raise InvalidUpload(file, "no_delimiter", "no_delimiter")


def read_records(text: str, delimiter: str, file: str) -> list[tuple[int, list[str]]]:
    """(line, cells) of every non-blank record; trailing empty cells dropped, cells stripped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    first_line = 1
    try:
        for cells in reader:
            stripped = [cell.strip() for cell in cells]
            while stripped and not stripped[-1]:
                stripped.pop()
            if stripped:
                records.append((first_line, stripped))
            if len(records) > MAX_ROWS + 1:  # + 1: a header
                raise InvalidUpload(file, "too_many_rows", "too_many_rows", first_line, n=MAX_ROWS)
            first_line = reader.line_num + 1
    except csv.Error as error:
        raise InvalidUpload(file, "unreadable", "unreadable", first_line, error=error) from error
    return records
