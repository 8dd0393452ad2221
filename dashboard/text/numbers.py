"""Numbers as readers expect them: French formats first (6,5 ; 87 % ; 1 192 000), English second.

Babel holds the locale rules (decimal comma, spaces, where the % sign goes); this module only
chooses a pattern per unit.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from phare.selection import date_order

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
# decimals a value keeps, by unit: what the pages show and the CSV files write (one rule)
ROUNDING = {"pct": 0, "score_1_10": 1, "pct_points": 1, "count": 0, "avg_count": 1}
MAX_DECIMALS = 2  # any other unit, and the most decimals a published figure keeps
UNIT_PATTERNS = {
    "score_1_10": "#,##0.0",
    "count": "#,##0",
    "avg_count": "#,##0.0",
    "pct_points": "+#,##0.#;-#,##0.#",
}


def format_value(value: float | None, unit: str, lang: str = "fr") -> str:
    """A value with its unit; "" for a missing value (the caller says why it is missing)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    locale = LOCALES.get(lang, LOCALES["fr"])
    if unit == "pct":
        return format_percent(round(value / 100, 6), locale=locale, decimal_quantization=False)
    formatted = format_decimal(value, format=UNIT_PATTERNS.get(unit, "#,##0.##"), locale=locale)
    if unit == "pct_points":
        return f"{formatted}\u00a0pts"
    return formatted


def format_bound(value: float, unit: str, lang: str, decimals: int) -> str:
    """A class bound written with ``decimals`` decimals, finer than the unit's own (« 5,35 »,
    « 87,5 % »): a map's classes on a spread narrower than its values' usual rounding."""
    locale = LOCALES.get(lang, LOCALES["fr"])
    digits = "0" * decimals
    if unit == "pct":  # the locale's own pattern (87 % in French, 87% in English), finer
        pattern = Locale.parse(locale).percent_formats[None].pattern
        return format_percent(value / 100, pattern.replace("0", f"0.{digits}", 1), locale=locale)
    return format_decimal(value, format=f"#,##0.{digits}", locale=locale)


def shown_digits(value: float, unit: str | None, *, published: bool = False) -> int:
    """Decimals ``value`` keeps as shown: its unit's (:data:`ROUNDING`); a published figure
    keeps the decimals its source gives (a 12.5 % stays 12.5), up to :data:`MAX_DECIMALS`; an
    estimate never does."""
    digits = ROUNDING.get(unit or "", MAX_DECIMALS)
    if published:
        digits = max(digits, min(decimals_of(value), MAX_DECIMALS))
    return digits


def rounded(value: float, unit: str | None, *, published: bool = False) -> float:
    """``value`` to the decimals its unit deserves (87, 6.5): the number behind what the pages
    show and what the CSV files write (:func:`shown_digits`)."""
    digits = shown_digits(value, unit, published=published)
    return round(float(value), digits) + 0.0  # + 0.0: no "-0" for a small negative value


def rounded_decimal(value: float, unit: str | None, *, published: bool = False) -> Decimal:
    """:func:`rounded` with its decimals written out, as the screen writes them: 6.0 for a
    score of 5.99 (not 6), 75 for 75.0 %."""
    digits = shown_digits(value, unit, published=published)
    return Decimal(repr(rounded(value, unit, published=published))).quantize(
        Decimal(1).scaleb(-digits)
    )


def decimals_of(value: float) -> int:
    """Decimals of the shortest writing of ``value``: 7.1 → 1, 75.0 → 0, 63.2908 → 4."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_count(count: int, lang: str = "fr") -> str:
    return format_decimal(count, locale=LOCALES.get(lang, LOCALES["fr"]))


UNDATED = {"fr": "s. d.", "en": "n.d."}  # sans date / no date


def format_source_date(source_date: str, lang: str = "fr") -> str:
    """A source's date at a glance, to the month: "2016-02-29" and "2016-02" → "févr. 2016"
    ("Feb 2016"), "2016" → "2016"; an undated source ("n.d. (after 2017-11)") → "s. d."."""
    year, month, _ = date_order(source_date)
    if not year:
        return UNDATED.get(lang, UNDATED["fr"])
    if not month:
        return str(year)
    locale = LOCALES.get(lang, LOCALES["fr"])
    return format_date(datetime.date(year, month, 1), "MMM y", locale=locale)


# Binary multiples, as file managers count them on the visitor's machine: 1 Mo = 1 024 ko.
BYTE_UNITS = {"fr": ("octets", "ko", "Mo", "Go"), "en": ("bytes", "kB", "MB", "GB")}
ONE_BYTE = {"fr": ("octet", {0, 1}), "en": ("byte", {1})}  # singular, and the counts taking it


def size_unit(n_bytes: int, lang: str = "fr") -> tuple[int, str]:
    """The largest multiple of a byte not above ``n_bytes`` and its symbol: ``(1_048_576, "Mo")``
    for 2 MiB, ``(1, "octets")`` below 1 024 bytes."""
    symbols = BYTE_UNITS.get(lang, BYTE_UNITS["fr"])
    power = 0
    while power < len(symbols) - 1 and n_bytes >= 1024 ** (power + 1):
        power += 1
    return 1024**power, symbols[power]


def format_size(n_bytes: int, lang: str = "fr") -> str:
    """``"2 Mo"``, ``"3,4 Mo"``, ``"512 ko"`` (``"3.4 MB"``) in the multiple of
    :func:`size_unit`: tenths rounded *up*, so that a size over a limit never reads as the limit
    itself (assets/upload_limit.js writes sizes the same way)."""
    divisor, symbol = size_unit(n_bytes, lang)
    singular, counts = ONE_BYTE.get(lang, ONE_BYTE["fr"])
    if n_bytes in counts:
        symbol = singular
    tenths = -(-n_bytes * 10 // divisor)  # whole numbers: no float rounding
    locale = LOCALES.get(lang, LOCALES["fr"])
    return f"{format_decimal(Decimal(tenths) / 10, format='#,##0.#', locale=locale)}\u00a0{symbol}"
