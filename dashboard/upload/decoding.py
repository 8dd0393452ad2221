"""The upload's way in: a ``dcc.Upload``'s ``contents`` to bytes, within the size limit.

:func:`decode_upload` judges the file's name and size before decoding anything;
:data:`MAX_UPLOAD_BYTES` is that limit, which the page states (:func:`limit_text`) and which
assets/upload_limit.js enforces in the browser first (:func:`too_large_attributes`), since Dash's
upload drops a bigger file without a word.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import PurePosixPath

from dashboard.text.i18n import t
from dashboard.text.numbers import LOCALES, format_size, size_unit
from dashboard.upload.reading import InvalidUpload, base_name, display_name

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # decoded CSV
EXTENSIONS = (".csv", ".txt")


def limit_text(lang: str = "fr") -> str:
    """The upload limit as a visitor reads it: ``"2 Mo"`` (``"2 MB"``)."""
    return format_size(MAX_UPLOAD_BYTES, lang)


def too_large_attributes(lang: str = "fr") -> dict[str, str]:
    """The ``data-*`` attributes from which assets/upload_limit.js tells a visitor that a file is
    over the limit: the browser drops such a file without a word (plotly/dash#2638).

    ``data-message`` keeps ``{file}`` and ``{size}`` for the script, which writes the size in
    ``data-unit`` (the limit's multiple, ``data-unit-bytes`` bytes) as :func:`format_size`
    does: tenths rounded up, in the page's ``data-locale``.
    """
    unit_bytes, unit = size_unit(MAX_UPLOAD_BYTES, lang)
    message = t("upload_too_large", lang, file="{file}", size="{size}", limit=limit_text(lang))
    return {
        "data-limit": str(MAX_UPLOAD_BYTES),
        "data-unit-bytes": str(unit_bytes),
        "data-unit": unit,
        "data-locale": LOCALES.get(lang, LOCALES["fr"]).replace("_", "-"),
        "data-message": message,
    }


def decode_upload(contents: str, filename: str) -> bytes:
    """The file's bytes from a ``dcc.Upload`` ``contents`` (``data:<mime>;base64,<payload>``).

    The size is judged on the base64 text before anything is decoded; the MIME type the browser
    announces is ignored (Windows calls CSV ``application/vnd.ms-excel``).
    """
    name = display_name(filename)
    if PurePosixPath(base_name(filename)).suffix.lower() not in EXTENSIONS:
        raise InvalidUpload(name, "extension", "extension")
    head, comma, payload = contents.partition(",") if isinstance(contents, str) else ("", "", "")
    if not comma or not head.startswith("data:") or not head.endswith(";base64"):
        raise InvalidUpload(name, "not_base64", "not_base64")
    decoded_size = len(payload) * 3 // 4
    if decoded_size > MAX_UPLOAD_BYTES + 2:  # "=" padding makes the estimate 2 bytes high
        raise InvalidUpload(
            name, "too_large", "too_large", size=decoded_size, limit=MAX_UPLOAD_BYTES
        )
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidUpload(name, "not_base64", "bad_base64") from error
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidUpload(name, "too_large", "over_limit", limit=MAX_UPLOAD_BYTES)
    return data
