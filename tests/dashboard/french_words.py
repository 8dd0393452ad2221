"""French words that cannot be English, and the names that may keep them on an English page.

The English pages' text, minus names (communes, departments, regions, sources and their
publishers), must hold none of :data:`FRENCH_WORDS` and no French elision (« d'un », « l'aide »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from phare.catalogue import Catalogue

FRENCH_WORDS = frozenset(
    {
        "à",
        "au",
        "aucun",
        "aucune",
        "aux",
        "avec",
        "carte",
        "ces",
        "cette",
        "citoyens",
        "dans",
        "de",
        "des",
        "donnée",
        "données",
        "du",
        "écart",
        "entreprises",
        "est",
        "et",
        "fragilité",
        "fragilités",
        "la",
        "le",
        "les",
        "maires",
        "moyenne",
        "nombre",
        "non",
        "ou",
        "oui",
        "pas",
        "pour",
        "publié",
        "publiée",
        "publiées",
        "publiés",
        "que",
        "qui",
        "région",
        "régions",
        "répondants",
        "selon",
        "sont",
        "sur",
        "taux",
        "une",
        "valeur",
        "valeurs",
    }
)
# « d'innovation », « l'impact », « qu'il »: an elided article or pronoun before a word.
ELISION = re.compile(r"(?<![^\W\d_])(?:c|d|j|l|n|qu|s)['’](?=[^\W\d_])", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
# an address is not wording: a link's query names ids (``actor=citoyens``) in any language
URL = re.compile(r"https?://\S+")
CONTEXT_CHARS = 50


def french_words(text: str) -> list[tuple[str, str]]:
    """(word, its context) for each French word or elision of ``text``, links left out."""
    text = URL.sub(" ", text)
    found = [
        (match.group(), _context(text, match))
        for match in WORD.finditer(text)
        if match.group().lower() in FRENCH_WORDS
    ]
    found += [(match.group(), _context(text, match)) for match in ELISION.finditer(text)]
    return found


def without_names(text: str, names: Iterable[str]) -> str:
    """``text`` with every occurrence of ``names`` blanked out, the longest names first."""
    for name in sorted(set(names), key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return text


def source_names(catalogue: Catalogue) -> set[str]:
    """The sources' credits, titles and publishers, and the organisations a publisher names
    ("Le RAMEAU – Observatoire des partenariats": both parts): names, shown as published."""
    names: set[str] = set()
    for source in catalogue.sources.values():
        names |= {source.credit(), source.title_fr, source.publisher}
        names |= {part.strip() for part in source.publisher.split(" – ")}
    return names


def _context(text: str, match: re.Match) -> str:
    start, end = max(match.start() - CONTEXT_CHARS, 0), match.end() + CONTEXT_CHARS
    return " ".join(text[start:end].split())
