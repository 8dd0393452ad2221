import geopandas as gpd
import pandas as pd
import shapely

from geodata.reconcile import (
    SharedOutline,
    attach_shared_outlines,
    read_reestablished,
    reconcile,
)


def square(x: float) -> shapely.Polygon:
    return shapely.box(x, 0, x + 1, 1)


def contours(*codes: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": list(codes), "nom": [f"name {c}" for c in codes]},
        geometry=[square(i) for i in range(len(codes))],
    )


def communes(rows: list[tuple[str, list[str]]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [code for code, _ in rows],
            "name": [f"current {code}" for code, _ in rows],
            "former_codes": [former for _, former in rows],
        }
    )


SHARED = (SharedOutline("00009", "Re-established", "00003", "test"),)


def run():
    return reconcile(
        contours("00001", "00002", "00003", "00004", "00005"),
        communes([("00001", []), ("00003", ["00002", "00004"]), ("00009", []), ("00010", [])]),
        SHARED,
    )


def test_merged_communes_are_dissolved_into_the_current_commune():
    frame, report = run()
    assert list(frame["code"]) == ["00001", "00003"]
    merged = frame.set_index("code").geometry["00003"]
    assert merged.equals(shapely.box(1, 0, 4, 1).normalize()) or abs(merged.area - 3) < 1e-9
    assert report.dissolved == {"00003": ("00002", "00003", "00004")}
    assert report.matched == 1


def test_every_leftover_is_reported_by_name_on_both_sides():
    _, report = run()
    assert report.unmatched_contours == (("00005", "name 00005"),)
    assert report.without_outline == (("00010", "current 00010"),)
    assert report.shared == SHARED
    text = "\n".join(report.lines())
    assert "00005 name 00005: no current commune, left out" in text
    assert "00010 current 00010: no outline, not drawn" in text
    assert "00009 Re-established: drawn with the outline of 00003 (2018)" in text


def test_a_stale_reviewed_mapping_is_a_reported_problem():
    _, report = reconcile(
        contours("00001", "00003"),
        communes([("00001", []), ("00003", [])]),
        (
            SharedOutline("00001", "Has its own", "00003", "x"),
            SharedOutline("00042", "Gone", "00003", "x"),
        ),
    )
    assert report.shared == ()
    assert report.problems == (
        "reestablished.csv: 00001 has its own outline now",
        "reestablished.csv: 00042 is not a current commune",
    )


def test_shared_outlines_are_copied_and_flagged_on_both_sides():
    frame, report = run()
    attached = attach_shared_outlines(frame, report.shared).set_index("code")
    assert attached.geometry["00009"].equals(attached.geometry["00003"])
    assert attached.loc["00009", "drawn_with"] == "00003"
    assert attached.loc["00003", "drawn_with"] == ""
    assert bool(attached.loc["00003", "shared_outline"]) and bool(
        attached.loc["00009", "shared_outline"]
    )
    assert not attached.loc["00001", "shared_outline"]


def test_the_reviewed_mapping_names_the_known_re_established_communes():
    entries = {entry.code: entry.container for entry in read_reestablished()}
    assert entries["14666"] == "14712"  # Sannerville, in Saline (2018)
    assert entries["85165"] == "85084"  # L'Oie, in Essarts en Bocage (2018)
    assert len(entries) == 7
