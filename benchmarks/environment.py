"""What the benchmarks share, built on first use and kept for the whole process.

The geometry is built into a private temporary cache, never into the project's; without a
mirror the contour files are read from (or downloaded once into) the project's download folder,
so no figure times the network. The Dash app is created once: Dash gives its ``dash.callback``
registry to the first app of a process only, so a second app would have no Carte callback.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from dash import Dash
from flask.testing import FlaskClient

from dashboard.app import create_app
from dashboard.core.context import DataContext, Unavailable, load_context
from geodata.cache import GeometryManifest, Mirrors, build
from phare.settings import Settings, load_settings


class Environment:
    def __init__(self, workdir: Path, project: Settings | None = None) -> None:
        self.workdir = workdir
        self.project = project or load_settings()

    @property
    def origin(self) -> str:
        mirror = self.project.geodata_mirror
        return f"mirror {mirror}" if mirror is not None else "download"

    @cached_property
    def settings(self) -> Settings:
        """The project's settings, with the cache moved into the temporary work folder."""
        return load_settings({"cache_dir": self.workdir / "cache"})

    def build_geometry(self, cache_dir: Path, *, force: bool) -> GeometryManifest:
        """Build into ``cache_dir`` from the project's mirror (or its download folder)."""
        manifest, _ = build(
            cache_dir,
            mirrors=Mirrors(self.project.geodata_mirror, self.project.cog_mirror),
            download_dir=self.project.download_dir,
            force=force,
        )
        return manifest

    @cached_property
    def manifest(self) -> GeometryManifest:
        return self.build_geometry(self.settings.geodata_cache_dir, force=False)

    @cached_property
    def context(self) -> DataContext:
        self.manifest  # noqa: B018  (the context reads the geometry built here)
        context = load_context(self.settings)
        if isinstance(context, Unavailable):
            raise RuntimeError(f"data context unavailable: {context.reason}")
        return context

    @cached_property
    def app(self) -> Dash:
        """The process's one Dash app, set up by a first ``GET /``."""
        self.manifest  # noqa: B018  (create_app reads the geometry built here)
        app = create_app(self.settings)
        response = app.server.test_client().get("/")
        if response.status_code != 200:
            raise RuntimeError(f"GET / answered {response.status_code}")
        return app

    @property
    def client(self) -> FlaskClient:
        return self.app.server.test_client()
