"""The round trip of a parsed upload through the visitor's browser (``dcc.Store``, memory).

:func:`to_store` writes what the map needs and the report as JSON; :func:`from_store` reads it
back with every callback. That JSON comes from the browser, so :func:`from_store` trusts none of
it: shapes, codes and numbers are checked again, and anything malformed gives no values.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import asdict

import pandas as pd

from dashboard.upload.communes import CommuneValues
from dashboard.upload.reading import MAX_ROWS


def _finite(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return number if math.isfinite(number) else None


def to_store(result: CommuneValues) -> dict:
    """The JSON kept in the visitor's browser (``dcc.Store``, memory): codes, values, report."""
    problems = [asdict(problem) for problem in result.problems]
    for problem in problems:
        for field in ("file", "details", "hint"):  # the report is written when the file is read
            del problem[field]
    return {
        "file": result.file,
        "label": result.label,
        "codes": result.values["code"].tolist(),
        "values": result.values["value"].tolist(),
        "problems": problems,
        "counts": result.counts(),
    }


def from_store(data: object, known_codes: Collection[str]) -> pd.DataFrame:
    """``code``, ``value`` from a browser store, re-checked: the browser is not trusted.

    Anything malformed gives an empty frame; otherwise pairs whose code is not in
    ``known_codes`` (a set of current codes, e.g. those the map draws), whose value is not a finite
    number, or whose commune came earlier, are dropped.
    """
    empty = pd.DataFrame({"code": pd.Series(dtype=str), "value": pd.Series(dtype="float64")})
    if not isinstance(data, dict):
        return empty
    codes, values = data.get("codes"), data.get("values")
    if not (isinstance(codes, list) and isinstance(values, list)):
        return empty
    if len(codes) != len(values) or len(codes) > MAX_ROWS:
        return empty
    pairs: dict[str, float] = {}
    for code, value in zip(codes, values, strict=True):
        if not isinstance(code, str) or code not in known_codes or code in pairs:
            continue
        number = _finite(value)
        if number is not None:
            pairs[code] = number
    if not pairs:
        return empty
    return pd.DataFrame({"code": list(pairs), "value": list(pairs.values())}).astype(
        {"value": "float64"}
    )
