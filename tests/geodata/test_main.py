"""The command line, run as a user runs it."""

import json
import os
import subprocess
import sys

from phare.settings import PROJECT_ROOT


def run(settings, *args: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PHARE_CACHE_DIR": str(settings.cache_dir)}
    return subprocess.run(
        [sys.executable, "-m", "geodata", *args],
        cwd=PROJECT_ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_lookup_prints_matches_as_json(settings):
    result = run(settings, "lookup", "Celles", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [m["code"] for m in found if m["name"] == "Celles"] == [
        "24090",
        "17076",
        "15031",
        "09093",
        "34072",
    ]
    assert {"code", "name", "department", "region", "found_by"} <= set(found[0])


def test_lookup_of_a_former_code_names_the_current_commune(settings):
    result = run(settings, "lookup", "85030")
    assert result.returncode == 0
    assert result.stdout.startswith("85084  Essarts-en-Bocage  (85 Vendée, 52 Pays de la Loire)")
    assert "ancien code 85030" in result.stdout


def test_check_passes_on_a_fresh_cache_and_build_is_a_no_op(settings):
    assert run(settings, "check").returncode == 0
    rebuilt = run(settings, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "geometry cache is up to date" in rebuilt.stdout


def test_a_bad_mirror_is_a_clear_error_not_a_traceback(settings, tmp_path):
    environ_mirror = {"PHARE_GEODATA_MIRROR": str(tmp_path / "missing")}
    result = subprocess.run(
        [sys.executable, "-m", "geodata", "build", "--force"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PHARE_CACHE_DIR": str(tmp_path), **environ_mirror},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "does not exist" in result.stderr and "PHARE_GEODATA_MIRROR" in result.stderr
