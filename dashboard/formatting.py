"""Numbers as readers expect them: French formats first (6,5 ; 87 % ; 1 192 000), English second.

Babel holds the locale rules (decimal comma, spaces, where the % sign goes); this module only
chooses a pattern per unit.
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal, format_percent

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
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


def format_count(count: int, lang: str = "fr") -> str:
    return format_decimal(count, locale=LOCALES.get(lang, LOCALES["fr"]))
