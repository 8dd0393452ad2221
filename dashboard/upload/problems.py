"""What can be wrong with a row of a visitor's file, and how the report says it.

:data:`MESSAGES` maps each kind of row problem to its words in the interface strings
(``dashboard/text/words/upload.py``); :class:`RowProblem` is one refused or remarked row, which
:meth:`RowProblem.describe` writes as plain text in the reader's language. Whole-file refusals
are :class:`dashboard.upload.reading.InvalidUpload`, not row problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.text.i18n import t
from dashboard.text.places import found_by_text

# What can be wrong with a row -> its message in the interface strings (dashboard/text/i18n.py)
MESSAGES = {
    kind: f"upload_{kind}"
    for kind in (
        "missing_code",
        "bad_code",
        "unknown_code",
        "missing_value",
        "not_a_number",
        "not_finite",
        "extra_column",
        "duplicate",
        "not_drawn",
        "former_code",
        "header",
    )
}
COMMA_HINT = "upload_comma_hint"  # added to "extra_column" when the file is comma-separated


@dataclass(frozen=True)
class RowProblem:
    """One row refused (``severity`` ``"error"``) or joined with a remark (``"notice"``).

    ``row`` is the line in the file (header = 1, blank lines counted), ``column`` the field's
    position (1 = code, 2 = value) or ``None`` for the whole row; ``value`` is the offending
    cell as plain text, cut to a few dozen characters; ``kind`` is a key of :data:`MESSAGES`,
    ``details`` the values its message names, ``hint`` whether the comma hint follows it;
    ``message`` is the French message.
    """

    file: str
    row: int
    column: int | None
    value: str
    kind: str
    message: str
    severity: str = "error"
    details: tuple[tuple[str, str], ...] = ()
    hint: bool = False

    def describe(self, lang: str = "fr") -> str:
        """``"ligne 7, colonne 2 : valeur non numérique « abc »"`` (``"line 7, column 2: value
        not a number “abc”"`` in English), plain text."""
        where = t("upload_row", lang, row=self.row)
        if self.column:
            where += t("upload_column", lang, column=self.column)
        message = problem_message(self.kind, dict(self.details), self.hint, lang)
        quoted = " " + t("quoted", lang, text=self.value) if self.value else ""
        return labelled_text(where, lang) + message + quoted


def problem_message(kind: str, details: dict[str, str], hint: bool, lang: str) -> str:
    """The message of a row problem in ``lang``; how a former code was found, translated."""
    if "found_by" in details:
        details = {**details, "found_by": found_by_text(details["found_by"], lang)}
    message = t(MESSAGES[kind], lang, **details)
    return message + t(COMMA_HINT, lang) if hint else message


def labelled_text(text: str, lang: str) -> str:
    """``text`` followed by a colon, spaced as each language writes it."""
    return text + (" : " if lang == "fr" else ": ")
