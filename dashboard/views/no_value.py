"""What a screen shows in place of a chart that would have no value: a sentence saying what is
missing, and a link to where the published figures are.

The published figures are mostly national, by actor and fragility (146 of 166): the place to
look is the France page (``/region/FR``), in the reader's language and data.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.state import FRANCE, AppState, state_query
from dashboard.text.i18n import t

FRANCE_PAGE = f"/region/{FRANCE}"


@dataclass(frozen=True)
class NoValue:
    """The sentence drawn instead of an empty chart, and the link that follows it."""

    text: str  # what is missing
    link_text: str  # where to look
    href: str


def no_value(text: str, state: AppState) -> NoValue:
    """``text``, then the link to the France page (same language, dataset and programme)."""
    kept = AppState(dataset=state.dataset, study=state.study, lang=state.lang)
    return NoValue(text, t("no_value_see_france", state.lang), FRANCE_PAGE + state_query(kept))
