"""The COG reference table: today's communes, departments and regions, without geometry.

Read from the JSON files of @etalab/decoupage-administratif. INSEE codes stay strings from the
first read (``"01001"``, ``"2A004"``); lists (postal codes, former codes) stay lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

METROPOLE = "metro"
OVERSEAS = "drom"
CURRENT_COMMUNE = "commune-actuelle"


PART_KINDS = {
    "commune-deleguee": "commune déléguée",
    "commune-associee": "commune associée",
    "arrondissement-municipal": "arrondissement municipal",
}


@dataclass(frozen=True)
class Reference:
    communes: pd.DataFrame
    parts: pd.DataFrame
    departments: pd.DataFrame
    regions: pd.DataFrame

    def metropolitan_communes(self) -> pd.DataFrame:
        return self.communes[self.communes["zone"] == METROPOLE]


def read_reference(communes: Path, departments: Path, regions: Path) -> Reference:
    records = _read_json(communes)
    return Reference(
        communes=parse_communes(records),
        parts=parse_parts(records),
        departments=parse_departments(_read_json(departments)),
        regions=parse_regions(_read_json(regions)),
    )


def parse_communes(records: list[dict]) -> pd.DataFrame:
    """Current communes (``type == "commune-actuelle"``), one row each, sorted by code."""
    rows = [
        {
            "code": str(record["code"]),
            "name": record["nom"],
            "department": str(record["departement"]),
            "region": str(record["region"]),
            "zone": record["zone"],
            "population": record.get("population"),
            "postal_codes": [str(code) for code in record.get("codesPostaux", [])],
            "former_codes": [str(code) for code in record.get("anciensCodes", [])],
        }
        for record in records
        if record.get("type") == CURRENT_COMMUNE
    ]
    frame = pd.DataFrame(rows).sort_values("code", ignore_index=True)
    frame["population"] = frame["population"].astype("Int64")
    return frame


def parse_parts(records: list[dict]) -> pd.DataFrame:
    """Delegated and associated communes and municipal arrondissements, with their commune."""
    rows = [
        {
            "code": str(record["code"]),
            "name": record["nom"],
            "kind": PART_KINDS[record["type"]],
            "commune": str(record.get("chefLieu") or record.get("commune")),
        }
        for record in records
        if record.get("type") in PART_KINDS
    ]
    return pd.DataFrame(rows, columns=["code", "name", "kind", "commune"])


def parse_departments(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "code": str(r["code"]),
                "name": r["nom"],
                "region": str(r["region"]),
                "zone": r["zone"],
            }
            for r in records
        ]
    ).sort_values("code", ignore_index=True)


def parse_regions(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"code": str(r["code"]), "name": r["nom"], "zone": r["zone"]} for r in records]
    ).sort_values("code", ignore_index=True)


def _read_json(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
