"""The import format of respondent files (microdata), as code: one place for its columns.

One row per respondent. The columns, in this order:

- ``respondent_id``: text, unique in the file;
- ``actor``: ``citoyens``, ``associations``, ``entreprises`` or ``maires``;
- ``region_code``: INSEE 2016 code of one of the 13 metropolitan regions (``"11"`` … ``"94"``);
- ``commune_code``: optional INSEE commune code (``"01001"``, ``"2A004"``); a 4-digit code that
  lost its leading zero in a spreadsheet is repaired with a warning;
- the segment field of the actor, blank for the other actors: ``company_size``
  (``10_49``, ``50_249``, ``250_plus``), ``association_type`` (``employeuses``, ``benevoles``),
  ``commune_size_class`` (``moins_500``, ``500_1999``, ``2000_9999``, ``10000_plus``);
- ``weight``: survey weight, a number > 0 (weights sum to the population);
- ``score_<fragility>`` for each of the 16 fragilities: whole number 1-10, blank = no answer;
- ``innovation``, ``partnership``, ``intend_partnership``: 0, 1 or blank;
- ``top3_1``, ``top3_2``, ``top3_3``: fragility ids (the three priorities), blank or distinct.

Indicators computed from these columns are listed in :data:`MICRO_INDICATORS`; every other
indicator stays published-only.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 1
SURVEYED_ACTORS = ("citoyens", "associations", "entreprises", "maires")
SEGMENT_FIELDS = {
    "entreprises": "company_size",
    "associations": "association_type",
    "maires": "commune_size_class",
}
BINARY_COLUMNS = ("innovation", "partnership", "intend_partnership")
TOP3_COLUMNS = ("top3_1", "top3_2", "top3_3")
HIGH_SCORE = 7


def score_column(fragility: str) -> str:
    return f"score_{fragility}"


def microdata_columns(fragilities: list[str]) -> list[str]:
    """Every column of the format, in order, for the catalogue's fragility ids."""
    return [
        "respondent_id",
        "actor",
        "region_code",
        "commune_code",
        *SEGMENT_FIELDS.values(),
        "weight",
        *(score_column(fragility) for fragility in fragilities),
        *BINARY_COLUMNS,
        *TOP3_COLUMNS,
    ]


@dataclass(frozen=True)
class MicroIndicator:
    """How an indicator is computed from microdata.

    ``kind`` is ``mean`` (weighted mean of a 1-10 score) or ``share`` (weighted share in %, of
    the respondents who answered). ``column`` is the answer's column, with ``{fragility}`` in it
    when the indicator is per fragility.
    """

    id: str
    kind: str
    per_fragility: bool
    column: str


MICRO_INDICATORS: dict[str, MicroIndicator] = {
    indicator.id: indicator
    for indicator in (
        MicroIndicator("fragility_mean_score", "mean", True, "score_{fragility}"),
        # share of answers >= HIGH_SCORE among those who scored the fragility
        MicroIndicator("fragility_share_7_10", "share", True, "score_{fragility}"),
        # share citing the fragility among those who gave at least one priority
        MicroIndicator("fragility_top3_share", "share", True, "top3"),
        MicroIndicator("partnership_innovation_share", "share", False, "innovation"),
        MicroIndicator("partnership_rate", "share", False, "partnership"),
        MicroIndicator("intend_partnership_share", "share", False, "intend_partnership"),
    )
}
