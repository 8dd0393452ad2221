"""Find a commune the way people type it: by INSEE code (current or former), postal code or name.

Names are compared accent- and case-insensitively, hyphens and apostrophes read as spaces, and
"St"/"Ste" as "Saint"/"Sainte". Exact names come first, then names starting with the query, then
names containing all its words; ties go to the larger population. Former codes, delegated and
associated communes and municipal arrondissements lead to today's commune.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

import pandas as pd

from geodata.cache import GeometryManifest

SEARCHED_ZONES = ("metro", "drom")  # collectivités d'outre-mer have no outline and no survey
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": " ", "'": " "})
INSEE_OR_POSTAL = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
DEPARTMENT_SUFFIX = re.compile(
    r"^(?P<name>.+?)\s*\((?P<department>\d{2,3}|2[AB])\)$", re.IGNORECASE
)


def normalise(text: str) -> str:
    """``"Saint-Étienne"``, ``"st etienne"`` and ``"ST-ÉTIENNE"`` all give ``"saint etienne"``."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


@dataclass(frozen=True)
class Match:
    """A current commune found for a query, and how it was found."""

    code: str
    name: str
    department: str
    department_name: str
    region: str
    region_name: str
    population: int | None
    found_by: str
    matched_text: str

    def as_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        via = "" if self.found_by in ("code", "nom") else f"  ← {self.found_by} {self.matched_text}"
        return (
            f"{self.code}  {self.name}  ({self.department} {self.department_name}, "
            f"{self.region} {self.region_name}){via}"
        )


@dataclass(frozen=True)
class Extent:
    lon: float
    lat: float
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


class Gazetteer:
    """Read-only lookups over the reference table and the territory table of a cache."""

    def __init__(self, communes: pd.DataFrame, parts: pd.DataFrame, territories: pd.DataFrame):
        communes = communes[communes["zone"].isin(SEARCHED_ZONES)].reset_index(drop=True)
        self._communes = communes.set_index("code", drop=False)
        self._names = communes["name"].map(normalise)
        self._parts = parts[parts["commune"].isin(self._communes.index)].reset_index(drop=True)
        self._part_names = self._parts["name"].map(normalise)
        self._successor = {
            former: row.code for row in communes.itertuples() for former in row.former_codes
        }
        self._postal = (
            communes[["code", "postal_codes"]]
            .explode("postal_codes")
            .dropna(subset=["postal_codes"])
        )
        self._territories = territories.set_index(["level", "code"])
        names = territories.drop_duplicates(["level", "code"]).set_index(["level", "code"])["name"]
        self._department_names = names.xs("departement").to_dict()
        self._region_names = names.xs("region").to_dict()

    @classmethod
    def from_manifest(cls, manifest: GeometryManifest) -> Gazetteer:
        return cls(
            pd.read_parquet(manifest.table("reference_communes")),
            pd.read_parquet(manifest.table("reference_parts")),
            pd.read_parquet(manifest.table("territories")),
        )

    def search(self, query: str, department: str | None = None, limit: int = 20) -> list[Match]:
        """Every kind of match for ``query``; "Saint-Martin (31)" also sets the department."""
        query = query.strip()
        suffix = DEPARTMENT_SUFFIX.match(query)
        if suffix and department is None:
            query, department = suffix["name"], suffix["department"].upper()
        if INSEE_OR_POSTAL.match(query):
            matches = self.by_code(query.upper())
        else:
            matches = self.by_name(query)
        if department is not None:
            matches = [m for m in matches if m.department == department.upper()]
        first: dict[str, Match] = {}
        for match in matches:  # a commune found twice keeps its best (first) place
            first.setdefault(match.code, match)
        return list(first.values())[:limit]

    def by_code(self, code: str) -> list[Match]:
        """A five-character query: the commune with that code, then postal codes, then the
        commune that took over a former code or an arrondissement's code."""
        current = [self._match(code, "code", code)] if code in self._communes.index else []
        former = [m for m in [self.commune(code)] if m and m.found_by != "code"]
        return current + self.by_postal_code(code) + former

    def commune(self, code: str) -> Match | None:
        """The current commune of a current or former INSEE code, or of an arrondissement's."""
        if code in self._communes.index:
            return self._match(code, "code", code)
        if code in self._successor:
            return self._match(self._successor[code], "ancien code", code)
        part = self._parts[self._parts["code"] == code]
        if not part.empty:
            return self._match(part["commune"].iloc[0], part["kind"].iloc[0], code)
        return None

    def by_postal_code(self, postal_code: str) -> list[Match]:
        codes = self._postal.loc[self._postal["postal_codes"] == postal_code, "code"]
        matches = [self._match(code, "code postal", postal_code) for code in codes]
        return sorted(matches, key=lambda m: -(m.population or 0))

    def by_name(self, query: str) -> list[Match]:
        wanted = normalise(query)
        if not wanted:
            return []
        ranked = _rank(self._names, wanted)
        matches = [
            (tier, self._match(code, "nom", name))
            for tier, code, name in zip(
                ranked, self._communes["code"], self._communes["name"], strict=True
            )
            if tier is not None
        ]
        part_tiers = _rank(self._part_names, wanted)
        matches += [
            (tier + 0.5, self._match(part.commune, part.kind, part.name))
            for tier, part in zip(part_tiers, self._parts.itertuples(), strict=True)
            if tier is not None
        ]
        matches.sort(key=lambda pair: (pair[0], -(pair[1].population or 0), pair[1].code))
        return [match for _, match in matches]

    def parents(self, code: str) -> tuple[str, str]:
        """(department, region) of a current commune."""
        row = self._communes.loc[code]
        return row["department"], row["region"]

    def extent(self, level: str, code: str) -> Extent:
        """A point inside a territory and its bounding box, as drawn (insets for overseas)."""
        row = self._territories.loc[(level, code)]
        if isinstance(row, pd.DataFrame):
            row = row.iloc[0]
        return Extent(
            *(float(row[c]) for c in ("lon", "lat", "min_lon", "min_lat", "max_lon", "max_lat"))
        )

    def _match(self, code: str, found_by: str, matched_text: str) -> Match:
        row = self._communes.loc[code]
        population = row["population"]
        return Match(
            code=code,
            name=row["name"],
            department=row["department"],
            department_name=self._department_names.get(row["department"], ""),
            region=row["region"],
            region_name=self._region_names.get(row["region"], ""),
            population=None if pd.isna(population) else int(population),
            found_by=found_by,
            matched_text=matched_text,
        )


def _rank(names: pd.Series, wanted: str) -> list[float | None]:
    """0 exact, 1 starts with, 2 every word of the query starts a word; None otherwise."""
    words = wanted.split()
    tiers: list[float | None] = []
    for name in names:
        if name == wanted:
            tiers.append(0)
        elif name.startswith(wanted + " ") or name.startswith(wanted):
            tiers.append(1)
        elif all(any(part.startswith(word) for part in name.split()) for word in words):
            tiers.append(2)
        else:
            tiers.append(None)
    return tiers
