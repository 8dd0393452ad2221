"""The source a value carries, as each language reads it.

A published figure's source is the credit of a document (publisher, title, date): a name, shown
as published whatever the page's language. Estimates from simulated data carry the data layer's
one French label instead (``phare.datasets.SIMULATED_LABEL``, « données simulées »): that label
is words, not a name, so the English pages say it in English.
"""

from __future__ import annotations

from dashboard.text.i18n import t
from phare.datasets import SIMULATED_LABEL


def source_text(source: str, lang: str) -> str:
    """``source`` as the page shows it: a credit unchanged, the simulated-data label translated."""
    return t("simulated_source", lang) if source == SIMULATED_LABEL else source
