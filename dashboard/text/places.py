"""How a commune was found, in words: the gazetteer's ``found_by`` as the search results and
the upload report say it (« ancien code », « code postal »…)."""

from __future__ import annotations

from dashboard.text.i18n import t

# the gazetteer's found_by (geodata.lookups.Match) → the key of its words
FOUND_BY = {
    "code": "commune_found_code",
    "ancien code": "commune_found_ancien_code",
    "code postal": "commune_found_code_postal",
    "commune déléguée": "commune_found_commune_deleguee",
    "commune associée": "commune_found_commune_associee",
    "arrondissement municipal": "commune_found_arrondissement",
}


def found_by_text(found_by: str, lang: str) -> str:
    """``found_by`` in ``lang``; a way the words do not know is shown as the gazetteer says it."""
    return t(FOUND_BY[found_by], lang) if found_by in FOUND_BY else found_by
