"""Geodata fixtures: the pinned mirrors, and a two-department build (not a rebuild of France)."""

from __future__ import annotations

import pytest

from geodata.cache import BuildPlan, Mirrors, build
from phare.settings import load_settings

PROJECT = load_settings()
MIRRORS = Mirrors(PROJECT.geodata_mirror, PROJECT.cog_mirror)
# Cantal (re-established communes, a merger since 2018) and Territoire de Belfort (small).
TWO_DEPARTMENTS = BuildPlan(departments=("15", "90"))

needs_mirrors = pytest.mark.skipif(
    PROJECT.geodata_mirror is None or PROJECT.cog_mirror is None,
    reason="PHARE_GEODATA_MIRROR and PHARE_COG_MIRROR are not set",
)


@pytest.fixture(scope="session")
def two_departments(tmp_path_factory):
    """(cache dir, manifest, report) of a build of departments 15 and 90."""
    directory = tmp_path_factory.mktemp("two-departments")
    manifest, report = build(
        directory, mirrors=MIRRORS, download_dir=PROJECT.download_dir, plan=TWO_DEPARTMENTS
    )
    return directory, manifest, report
