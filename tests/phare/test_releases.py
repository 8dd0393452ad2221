import argparse
import getpass
import json
import os
import signal
import subprocess
import sys
from datetime import datetime

import pandas as pd
import pytest

from phare.catalogue import load_catalogue
from phare.commands import import_release as import_command
from phare.commands import releases as releases_command
from phare.errors import ImportLocked, InvalidImportFile, InvalidReleaseId, ReleaseUnavailable
from phare.microdata import read_microdata
from phare.releases import (
    COG_VINTAGE,
    FAULT_POINT_ENV,
    FAULT_POINTS,
    IMPORT_LOG,
    TEMP_PREFIX,
    current_release,
    import_release,
    list_releases,
    load_release,
    set_current,
)
from phare.settings import PROJECT_ROOT
from tests.phare.fixtures.microdata import text_frame, write_csv

IMPORT = """
import sys
from phare.catalogue import load_catalogue
from phare.releases import import_release
import_release(sys.argv[1], sys.argv[2], sys.argv[3], load_catalogue())
"""
HOLD_LOCK = """
import sys
from pathlib import Path
from phare.releases import import_lock
with import_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture()
def files(catalogue, tmp_path):
    """Two valid files of 8 and 12 respondents, and an invalid one."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    bad = text_frame(catalogue, 4)
    bad.loc[2, "score_emploi"] = "11"
    return {
        "first": write_csv(text_frame(catalogue, 8), folder / "first.csv"),
        "second": write_csv(text_frame(catalogue, 12), folder / "second.csv"),
        "bad": write_csv(bad, folder / "bad.csv"),
    }


@pytest.fixture()
def data_dir(tmp_path):
    return tmp_path / "data"


def leftovers(data_dir) -> list[str]:
    return sorted(
        child.name
        for child in data_dir.iterdir()
        if child.name.startswith(TEMP_PREFIX) or child.name == "current.tmp"
    )


def test_an_import_creates_the_release_and_makes_it_current(catalogue, files, data_dir):
    manifest = import_release(files["first"], "2025-03", data_dir, catalogue)
    assert manifest.current
    assert (manifest.release_id, manifest.rows, manifest.source_file) == ("2025-03", 8, "first.csv")
    assert (data_dir / "current").read_text() == "2025-03\n"
    stored = json.loads((data_dir / "releases" / "2025-03" / "manifest.json").read_text())
    assert sorted(stored) == [
        "cog_vintage",
        "files",
        "imported_at",
        "release_id",
        "schema_version",
        "simulated",
        "source_file",
        "source_sha256",
        "warnings",
    ]
    assert stored["simulated"] is False
    assert stored["files"] == [
        {"name": "microdata.parquet", "sha256": manifest.files[0].sha256, "rows": 8}
    ]
    assert (stored["schema_version"], stored["cog_vintage"]) == (1, COG_VINTAGE)
    assert stored["source_sha256"] == read_microdata(files["first"], catalogue).sha256
    assert current_release(data_dir) == manifest
    expected = read_microdata(files["first"], catalogue).frame
    pd.testing.assert_frame_equal(load_release(data_dir), expected)
    pd.testing.assert_frame_equal(load_release(data_dir, "2025-03"), expected)
    assert leftovers(data_dir) == []


def test_a_second_import_keeps_the_first_and_set_current_rolls_back(catalogue, files, data_dir):
    import_release(files["first"], "r1", data_dir, catalogue)
    import_release(files["second"], "r2", data_dir, catalogue)
    assert [(m.release_id, m.rows, m.current) for m in list_releases(data_dir)] == [
        ("r1", 8, False),
        ("r2", 12, True),
    ]
    assert len(load_release(data_dir)) == 12
    assert set_current(data_dir, "r1").release_id == "r1"
    assert current_release(data_dir).release_id == "r1"
    assert len(load_release(data_dir)) == 8
    assert [m.current for m in list_releases(data_dir)] == [True, False]


def test_imports_and_rollbacks_are_logged_with_who_when_and_the_file_hash(
    catalogue, files, data_dir, caplog
):
    caplog.set_level("INFO", logger="phare.releases")
    first = import_release(files["first"], "r1", data_dir, catalogue)
    set_current(data_dir, "r1")
    with pytest.raises(InvalidImportFile):
        import_release(files["bad"], "r3", data_dir, catalogue)
    lines = (data_dir / IMPORT_LOG).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # a refused file changes nothing, so nothing is logged
    when, who, *event = lines[0].split(" ")
    assert datetime.fromisoformat(when).tzinfo is not None
    assert who == getpass.getuser()
    assert " ".join(event) == (f"import r1 from first.csv (SHA-256 {first.source_sha256}, 8 rows)")
    assert lines[1].endswith(f"{who} set_current r1")
    assert [record.getMessage() for record in caplog.records] == lines
    assert "R001" not in (data_dir / IMPORT_LOG).read_text()  # no respondent's data


def test_an_invalid_file_changes_nothing(catalogue, files, data_dir):
    import_release(files["first"], "r1", data_dir, catalogue)
    with pytest.raises(InvalidImportFile, match="row 4, column 'score_emploi': value '11'"):
        import_release(files["bad"], "r2", data_dir, catalogue)
    assert current_release(data_dir).release_id == "r1"
    assert [m.release_id for m in list_releases(data_dir)] == ["r1"]
    assert not (data_dir / "releases" / "r2").exists()
    assert leftovers(data_dir) == []


def test_an_invalid_first_import_writes_nothing(catalogue, files, data_dir):
    with pytest.raises(InvalidImportFile):
        import_release(files["bad"], "r1", data_dir, catalogue)
    assert not data_dir.exists()
    assert current_release(data_dir) is None
    assert list_releases(data_dir) == []
    with pytest.raises(ReleaseUnavailable, match="no current release"):
        load_release(data_dir)


def test_an_existing_release_id_is_refused(catalogue, files, data_dir):
    first = import_release(files["first"], "r1", data_dir, catalogue)
    with pytest.raises(InvalidReleaseId, match="release 'r1' already exists"):
        import_release(files["second"], "r1", data_dir, catalogue)
    assert list_releases(data_dir) == [first]
    assert len(load_release(data_dir)) == 8


@pytest.mark.parametrize(
    "release_id", ["", "R1", "-r1", ".r1", "../r1", "r1/x", "r 1", "é", "a" * 65]
)
def test_a_malformed_release_id_is_refused_before_anything_is_read(
    catalogue, files, data_dir, release_id
):
    with pytest.raises(InvalidReleaseId, match="is malformed"):
        import_release(files["first"], release_id, data_dir, catalogue)
    assert not data_dir.exists()


@pytest.mark.parametrize("release_id", ["r", "2025-03-citoyens", "v1.2_b", "a" * 64])
def test_a_well_formed_release_id_is_accepted(catalogue, files, data_dir, release_id):
    assert import_release(files["first"], release_id, data_dir, catalogue).current


@pytest.mark.parametrize("release_id", ["unknown", "../releases", "partial"])
def test_an_unknown_or_unfinished_release_is_neither_listed_nor_loadable(
    catalogue, files, data_dir, release_id
):
    import_release(files["first"], "r1", data_dir, catalogue)
    partial = data_dir / "releases" / "partial"
    partial.mkdir()
    (partial / "microdata.parquet").write_bytes(b"PAR1")
    with pytest.raises((ReleaseUnavailable, InvalidReleaseId)):
        load_release(data_dir, release_id)
    with pytest.raises((ReleaseUnavailable, InvalidReleaseId)):
        set_current(data_dir, release_id)
    assert [m.release_id for m in list_releases(data_dir)] == ["r1"]
    assert current_release(data_dir).release_id == "r1"


def test_a_data_file_that_differs_from_its_manifest_is_refused(catalogue, files, data_dir):
    import_release(files["first"], "r1", data_dir, catalogue)
    import_release(files["second"], "r2", data_dir, catalogue)
    data_file = data_dir / "releases" / "r1" / "microdata.parquet"
    data_file.write_bytes((data_dir / "releases" / "r2" / "microdata.parquet").read_bytes())
    with pytest.raises(ReleaseUnavailable, match=r"has SHA-256 .* but its manifest records"):
        load_release(data_dir, "r1")


def test_a_pointer_to_a_missing_release_is_reported(catalogue, files, data_dir):
    import_release(files["first"], "r1", data_dir, catalogue)
    (data_dir / "current").write_text("r9\n")
    with pytest.raises(ReleaseUnavailable, match="names release 'r9'"):
        load_release(data_dir)


def run_python(script: str, *args, env=None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def test_a_second_import_fails_at_once_while_the_lock_is_held(catalogue, files, data_dir):
    import_release(files["first"], "r1", data_dir, catalogue)
    holder = run_python(
        HOLD_LOCK, data_dir, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ImportLocked, match=rf"held by .* \(process {holder.pid}\)"):
            import_release(files["second"], "r2", data_dir, catalogue)
        with pytest.raises(ImportLocked):
            set_current(data_dir, "r1")
    finally:
        holder.communicate("\n", timeout=60)
    assert [m.release_id for m in list_releases(data_dir)] == ["r1"]
    assert import_release(files["second"], "r2", data_dir, catalogue).current


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_an_import_killed_at_any_point_leaves_a_consistent_data_folder(
    catalogue, files, data_dir, point
):
    """Readers ignore what a killed import leaves; the next import deletes it."""
    import_release(files["first"], "old", data_dir, catalogue)
    killed = run_python(IMPORT, files["second"], "new", data_dir, env={FAULT_POINT_ENV: point})
    assert killed.wait(timeout=120) == -signal.SIGKILL

    published = point in ("after_rename", "before_pointer_switch", "after_pointer_switch")
    current = "new" if point == "after_pointer_switch" else "old"
    assert current_release(data_dir).release_id == current
    assert len(load_release(data_dir)) == {"old": 8, "new": 12}[current]
    listed = [m.release_id for m in list_releases(data_dir)]
    assert listed == (["old", "new"] if published else ["old"])
    if published:
        assert len(load_release(data_dir, "new")) == 12
    else:
        with pytest.raises(ReleaseUnavailable):
            load_release(data_dir, "new")

    assert import_release(files["first"], "next", data_dir, catalogue).current
    assert leftovers(data_dir) == []


@pytest.mark.parametrize(
    ("point", "left"),
    [
        ("after_validate", []),
        ("after_data_write", ["dir"]),
        ("before_rename", ["dir"]),
        ("after_rename", []),
        ("before_pointer_switch", ["current.tmp"]),
        ("after_pointer_switch", []),
    ],
)
def test_what_a_killed_import_leaves_behind_is_what_readers_ignore(
    catalogue, files, data_dir, point, left
):
    import_release(files["first"], "old", data_dir, catalogue)
    run_python(IMPORT, files["second"], "new", data_dir, env={FAULT_POINT_ENV: point}).wait(120)
    found = ["dir" if name.startswith(TEMP_PREFIX) else name for name in leftovers(data_dir)]
    assert found == left


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m phare")
    subparsers = parser.add_subparsers(dest="command", required=True)
    handlers = {
        module.add_parser(subparsers): module.run for module in (import_command, releases_command)
    }
    parser.set_defaults(handlers=handlers)
    return parser


def run_command(argv: list[str]) -> int:
    args = command_parser().parse_args(argv)
    return args.handlers[args.command](args)


def test_the_import_and_releases_commands(files, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("PHARE_DATA_DIR", str(data_dir))
    assert run_command(["releases"]) == 0
    assert capsys.readouterr().out == f"No release imported in {data_dir}.\n"

    assert run_command(["import", str(files["first"]), "--release", "r1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Release 'r1' imported and made current.\n")
    assert "  rows:    8\n" in out

    assert run_command(["import", str(files["bad"]), "--release", "r2"]) == 1
    captured = capsys.readouterr()
    assert "row 4, column 'score_emploi': value '11'" in captured.err
    assert captured.err.endswith("The current release is unchanged: 'r1'.\n")

    assert run_command(["import", str(files["second"]), "--release", "r2"]) == 0
    capsys.readouterr()
    assert run_command(["releases", "--set-current", "r1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Release 'r1' is now current."
    assert [line.split()[:1] + line.split()[-1:] for line in lines[2:]] == [
        ["*", "8"],
        ["r2", "12"],
    ]
    assert lines[2].startswith("* r1 ")


def test_the_import_command_lists_repairs_as_warnings(catalogue, data_dir, tmp_path, monkeypatch):
    frame = text_frame(catalogue, 4)
    frame.loc[0, "commune_code"] = "1001"
    path = write_csv(frame, tmp_path / "survey.csv")
    monkeypatch.setenv("PHARE_DATA_DIR", str(data_dir))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from phare.commands import import_release as c; "
            "sys.exit(c.run(type('A', (), {'file': sys.argv[1], 'release': 'r1'})()))",
            str(path),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        "Warnings (1):\n  - row 2, column 'commune_code': '1001' repaired to '01001' "
        "(leading zero lost in a spreadsheet)\n"
    )
    assert current_release(data_dir).warnings == (
        "row 2, column 'commune_code': '1001' repaired to '01001' "
        "(leading zero lost in a spreadsheet)",
    )
