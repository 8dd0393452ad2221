"""From the 2018 commune contours to today's communes.

Rules, in order, for each 2018 contour:
1. its code is a current commune's code: it is that commune's outline (or part of it);
2. its code is a former code (``anciensCodes``) of a current commune: it is dissolved into it;
3. otherwise it is reported as unmatched and left out (the report names it).

Current communes re-established after 2018 out of a commune nouvelle have no outline of their
own in the 2018 edition. A reviewed mapping (``reestablished.csv``) names the 2018 commune
nouvelle that contained each; the map draws them with that shared outline, flagged
"contour partagé (édition 2018)". Any other current commune left without an outline is
reported, never silently dropped.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

REESTABLISHED = Path(__file__).resolve().parent / "reestablished.csv"
SHARED_OUTLINE_LABEL = "contour partagé (édition 2018)"


@dataclass(frozen=True)
class SharedOutline:
    code: str
    name: str
    container: str
    note: str


@dataclass(frozen=True)
class ReconciliationReport:
    contours: int
    current_communes: int
    matched: int
    dissolved: dict[str, tuple[str, ...]]
    shared: tuple[SharedOutline, ...]
    unmatched_contours: tuple[tuple[str, str], ...]
    without_outline: tuple[tuple[str, str], ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def with_geometry(self) -> int:
        return self.matched + len(self.dissolved) + len(self.shared)

    def lines(self) -> list[str]:
        merged = sum(len(codes) for codes in self.dissolved.values())
        lines = [
            f"contours 2018: {self.contours}; current communes: {self.current_communes}",
            f"matched by code: {self.matched}",
            f"dissolved: {merged} former contours into {len(self.dissolved)} current communes",
            f"shared outline ({SHARED_OUTLINE_LABEL}): {len(self.shared)}",
        ]
        lines += [
            f"  {s.code} {s.name}: drawn with the outline of {s.container} (2018)"
            for s in self.shared
        ]
        lines.append(f"unmatched 2018 contours (left out): {len(self.unmatched_contours)}")
        lines += [
            f"  {code} {name}: no current commune, left out"
            for code, name in self.unmatched_contours
        ]
        lines.append(f"current communes without outline: {len(self.without_outline)}")
        lines += [f"  {code} {name}: no outline, not drawn" for code, name in self.without_outline]
        lines += [f"problem: {problem}" for problem in self.problems]
        return lines


def read_reestablished(path: Path = REESTABLISHED) -> tuple[SharedOutline, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            SharedOutline(row["code"], row["name"], row["container_2018"], row["note"])
            for row in csv.DictReader(handle)
        )


def reconcile(
    contours: gpd.GeoDataFrame,
    communes: pd.DataFrame,
    reestablished: tuple[SharedOutline, ...],
) -> tuple[gpd.GeoDataFrame, ReconciliationReport]:
    """One outline per current commune that has one (``code``, ``geometry``), and the report.

    ``contours`` has the 2018 ``code``, ``nom`` and ``geometry``; ``communes`` the current
    ``code``, ``name`` and ``former_codes``. Shared outlines are not in the returned frame (they
    would overlap their container): :func:`attach_shared_outlines` adds them after
    simplification.
    """
    current = set(communes["code"])
    successor = {
        former: row.code
        for row in communes.itertuples(index=False)
        for former in row.former_codes
        if former not in current
    }
    target = contours["code"].map(lambda code: code if code in current else successor.get(code))
    unmatched = contours[target.isna()]
    kept = contours[target.notna()].assign(target=target[target.notna()])
    groups: dict[str, list[int]] = defaultdict(list)
    for position, code in enumerate(kept["target"]):
        groups[code].append(position)
    geometries = kept.geometry.to_numpy()
    codes = sorted(groups)
    outlines = [_union(geometries[groups[code]]) for code in codes]
    frame = gpd.GeoDataFrame({"code": codes}, geometry=outlines, crs=contours.crs)
    dissolved = {
        code: tuple(sorted(kept["code"].iloc[groups[code]]))
        for code in codes
        if len(groups[code]) > 1 or kept["code"].iloc[groups[code][0]] != code
    }
    shared, problems = _check_shared(reestablished, set(codes), current)
    names = dict(zip(communes["code"], communes["name"], strict=True))
    without = sorted(current - set(codes) - {s.code for s in shared})
    report = ReconciliationReport(
        contours=len(contours),
        current_communes=len(current),
        matched=len(codes) - len(dissolved),
        dissolved=dissolved,
        shared=shared,
        unmatched_contours=tuple(zip(unmatched["code"], unmatched["nom"], strict=True)),
        without_outline=tuple((code, names[code]) for code in without),
        problems=problems,
    )
    return frame, report


def attach_shared_outlines(
    frame: gpd.GeoDataFrame, shared: tuple[SharedOutline, ...]
) -> gpd.GeoDataFrame:
    """Add each re-established commune with its container's outline.

    ``drawn_with`` names the container for the added copies (empty otherwise) and
    ``shared_outline`` flags both sides of each shared outline.
    """
    by_code = frame.set_index("code").geometry
    copies = gpd.GeoDataFrame(
        {"code": [s.code for s in shared], "drawn_with": [s.container for s in shared]},
        geometry=[by_code[s.container] for s in shared],
        crs=frame.crs,
    )
    containers = {s.container for s in shared}
    combined = pd.concat([frame.assign(drawn_with=""), copies], ignore_index=True)
    combined["shared_outline"] = (combined["drawn_with"] != "") | combined["code"].isin(containers)
    return gpd.GeoDataFrame(combined, crs=frame.crs).sort_values("code", ignore_index=True)


def _union(parts: object) -> object:
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def _check_shared(
    reestablished: tuple[SharedOutline, ...], outlined: set[str], current: set[str]
) -> tuple[tuple[SharedOutline, ...], tuple[str, ...]]:
    shared, problems = [], []
    for entry in reestablished:
        if entry.code not in current:
            problems.append(f"reestablished.csv: {entry.code} is not a current commune")
        elif entry.code in outlined:
            problems.append(f"reestablished.csv: {entry.code} has its own outline now")
        elif entry.container not in outlined:
            problems.append(f"reestablished.csv: container {entry.container} has no outline")
        else:
            shared.append(entry)
    return tuple(shared), tuple(problems)
