"""Shared fixtures: settings on a private cache, one app per session, real gunicorn, Chromium."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from geodata.cache import Mirrors, build
from phare.settings import Settings, load_settings
from tests.local_server import CHROMIUM, CHROMIUM_ARGS, procfile_server

IN_CI = bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Project settings with a private cache dir, geometry built from the mirror (or download)."""
    project = load_settings()
    own = load_settings({"cache_dir": tmp_path_factory.mktemp("cache"), "enable_simulated": True})
    build(
        own.geodata_cache_dir,
        mirrors=Mirrors(project.geodata_mirror, project.cog_mirror),
        download_dir=project.download_dir,
    )
    return own


@pytest.fixture(scope="session")
def dash_app(settings: Settings):
    """The one Dash app of the test process (Dash keeps `dash.callback`s for the first app only)."""
    from dashboard.app import create_app

    app = create_app(settings)
    app.server.test_client().get("/")  # sets the server up so the callbacks are bound to it
    return app


@pytest.fixture()
def client(dash_app):
    return dash_app.server.test_client()


@pytest.fixture()
def failing_callback(dash_app, monkeypatch) -> dict:
    """A well-formed request for the Carte's callback, whose function is made to raise with a
    message naming a file, as an unforeseen bug would."""
    from tests.callbacks.dash_requests import carte_update_body

    body = carte_update_body(dash_app)

    def broken(*args, **kwargs):
        raise RuntimeError("bug in /srv/phare/callbacks/carte.py")

    monkeypatch.setitem(dash_app.callback_map[body["output"]], "callback", broken)
    return body


@contextmanager
def procfile_gunicorn(
    settings: Settings, log: Path, **variables: str
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Real gunicorn from the Procfile's command, reading the test geometry cache, with
    ``variables`` added to its environment; its base URL and its master."""
    env = {**os.environ, "PHARE_CACHE_DIR": str(settings.cache_dir), **variables}
    with procfile_server(env, log) as live:
        yield live


@pytest.fixture(scope="session")
def live_gunicorn(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, subprocess.Popen]]:
    """The session's real gunicorn (2 workers, simulated data on); its URL and its master."""
    log = tmp_path_factory.mktemp("gunicorn") / "errors.log"
    with procfile_gunicorn(settings, log, PHARE_ENABLE_SIMULATED="1", WEB_CONCURRENCY="2") as live:
        yield live


@pytest.fixture(scope="session")
def live_server(live_gunicorn: tuple[str, subprocess.Popen]) -> str:
    """The base URL of the real gunicorn."""
    return live_gunicorn[0]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium (a browser is never downloaded); without it the test is skipped, or
    fails in CI, where a test that did not run proves nothing."""
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed (make test installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path):
    """Debian's headless Chromium with software WebGL; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium),
            args=list(CHROMIUM_ARGS),
        )
        yield chromium
        chromium.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: a browser test that did not run proves nothing."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if IN_CI and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) skipped; in CI that counts as a failure.")
        session.exitstatus = 1
