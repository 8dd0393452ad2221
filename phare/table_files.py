"""Reading a table file safely, as text: CSV, Parquet or Excel (XLSX), checked before parsing.

The file's first bytes must match its extension (an XLSX renamed .csv is refused), its size is
capped, an XLSX's members are counted and their uncompressed size capped before unpacking, and
Excel is read with defusedxml installed (openpyxl then uses it against XML attacks). Every cell
comes back as text so that codes keep their form (``"01001"``); blank rows are dropped.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.xml import functions as openpyxl_xml

from phare.errors import ExcelReaderUnsafe, InvalidImportFile

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_XLSX_MEMBERS = 1_000
MAX_XLSX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"
CONTENT_KINDS = {
    "zip": "a ZIP archive (an Excel .xlsx file)",
    "parquet": "a Parquet file",
    "text": "text (a CSV file)",
}
EXPECTED_KIND = {".csv": "text", ".parquet": "parquet", ".xlsx": "zip"}


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(path, f"the file has {size} bytes, over the limit of {MAX_FILE_BYTES}")
        return path.read_bytes()
    except OSError as error:
        raise _refuse(path, f"cannot be read: {error.strerror or error}") from error


def content_kind(data: bytes) -> str:
    """What the first bytes say the file is: ``zip``, ``parquet`` or ``text``."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(PARQUET_MAGIC):
        return "parquet"
    return "text"


def _reader_for(path: Path, data: bytes) -> Callable[[Path, bytes], pd.DataFrame]:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise _refuse(
            path,
            f"extension {path.suffix!r} is not supported, expected one of .csv, .parquet, .xlsx",
        )
    found = content_kind(data)
    if found != EXPECTED_KIND[suffix]:
        raise _refuse(
            path,
            f"the extension {suffix} announces {CONTENT_KINDS[EXPECTED_KIND[suffix]]}, but the "
            f"content is {CONTENT_KINDS[found]}: export the file again in the announced format",
        )
    return READERS[suffix]


def _read_csv(path: Path, data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            path,
            f"not UTF-8: byte 0x{data[error.start]:02x} at position {error.start} cannot be "
            "decoded; save the file as CSV UTF-8",
        ) from error
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=detect_delimiter(text),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as error:
        raise _refuse(path, f"cannot be read as CSV: {error}") from error


def detect_delimiter(text: str) -> str:
    """``;`` when the header line holds more semicolons than commas, else ``,``."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _read_parquet(path: Path, data: bytes) -> pd.DataFrame:
    try:
        return pd.read_parquet(io.BytesIO(data))
    except (OSError, ValueError) as error:
        raise _refuse(path, f"cannot be read as Parquet: {error}") from error


def _read_xlsx(path: Path, data: bytes) -> pd.DataFrame:
    require_defusedxml()
    _check_zip(path, data)
    unreadable = (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        zipfile.BadZipFile,
        InvalidFileException,
    )
    try:
        return pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False, engine="openpyxl")
    except unreadable as error:
        raise _refuse(path, f"cannot be read as an Excel .xlsx file: {error}") from error


def require_defusedxml() -> None:
    """Refuse to parse XLSX unless openpyxl parses its XML with defusedxml.

    openpyxl switches to defusedxml by itself when the package is importable and
    ``OPENPYXL_DEFUSEDXML`` is not ``False``; without it a crafted file could expand entities
    (billion laughs) while being read.
    """
    if not (openpyxl.DEFUSEDXML and openpyxl_xml.iterparse.__module__.startswith("defusedxml")):
        raise ExcelReaderUnsafe(
            "Excel files are read only with defusedxml protecting the XML parser: install "
            "defusedxml (it is in requirements.txt) and leave OPENPYXL_DEFUSEDXML unset, or "
            "export the file as CSV UTF-8."
        )


def _check_zip(path: Path, data: bytes) -> None:
    """Zip-bomb guard: member count and declared uncompressed size, before any inflating."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise _refuse(path, f"not a readable .xlsx (ZIP) file: {error}") from error
    if len(members) > MAX_XLSX_MEMBERS:
        raise _refuse(
            path, f"the .xlsx holds {len(members)} parts, over the limit of {MAX_XLSX_MEMBERS}"
        )
    total = sum(member.file_size for member in members)
    if total > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise _refuse(
            path,
            f"the .xlsx expands to {total} bytes, over the limit of "
            f"{MAX_XLSX_UNCOMPRESSED_BYTES} (zip-bomb guard)",
        )


def _cell_text(value: object) -> str:
    """One cell as the text a spreadsheet shows: blank for missing, ``7`` for a whole ``7.0``."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return str(int(value))
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column as stripped text, blank for missing; column names as text too."""
    text = pd.DataFrame(index=frame.index)
    for position, name in enumerate(frame.columns):
        column = frame.iloc[:, position]
        if pd.api.types.is_string_dtype(column):
            column = column.fillna("").astype(str).str.strip()
        else:
            column = column.map(_cell_text)
        text[str(name).strip()] = column.astype(str)
    return text


def _drop_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows blank in every column are dropped; the index keeps each row's place in the file."""
    return frame[frame.ne("").any(axis=1)]


def _refuse(path: Path, problem: str) -> InvalidImportFile:
    return InvalidImportFile(str(path), [problem])


READERS: dict[str, Callable[[Path, bytes], pd.DataFrame]] = {
    ".csv": _read_csv,
    ".parquet": _read_parquet,
    ".xlsx": _read_xlsx,
}


def read_table(path: Path) -> tuple[pd.DataFrame, bytes]:
    """Every cell of the file's table as text, blank rows dropped, and the file's bytes."""
    data = _read_bytes(path)
    reader = _reader_for(path, data)
    return _drop_blank_rows(_as_text(reader(path, data))), data
