"""Security pins: the Dash that sanitises links, nothing that undoes it, no debug anywhere.

- Dash before 2.15 rendered ``javascript:`` URLs given to ``href``/``src`` props
  (CVE-2024-21485); later versions pass them through ``window.dash_clientside.clean_url``,
  which the renderer defines only if nothing defined it before. Assets load before the
  renderer, so any asset (vendored ones included) setting ``clean_url`` would switch the
  sanitiser off: none may.
- ``dangerously_allow_html=True`` (dcc.Markdown) renders raw HTML from data: never used.
- Debug mode serves tracebacks and Dash's dev tools to every reader: never switched on; an
  unforeseen error gets Flask's generic 500 page, a forged request a plain 400.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import dash
import pytest
import requests
from packaging.version import Version

from phare.settings import PROJECT_ROOT

FIRST_SANITISING_DASH = Version("2.15.0")
APP_CODE = ("dashboard", "callbacks", "phare", "geodata")
ASSETS = PROJECT_ROOT / "assets"

# ``clean_url =``, ``clean_url:`` (an object literal), ``['clean_url']``/``"clean_url"`` (a
# bracket assignment or Object.defineProperty); a call ``clean_url(url)`` is not an override.
CLEAN_URL_OVERRIDE = re.compile(r"""\bclean_url\s*(?:=(?!=)|:)|["'`]clean_url["'`]""")
RAW_HTML = re.compile(r"""\bdangerously_allow_html["']?\s*[=:]\s*True\b""")
DEBUG_ON = re.compile(
    r"""\bdebug["']?\s*[=:]\s*True\b|\brun_server\s*\(|\brun\s*\([^)]*\bdebug\b"""
    r"""|\bFLASK_DEBUG\b|--reload\b|\breload\s*=\s*True\b|\bdev_tools_\w+\s*=\s*True\b"""
)
FORGED_CALLBACK = {"output": "no-such-component.children"}  # no callback has this output
LEAKS = ("Traceback", "Error", "/srv/phare", ".py", 'File "')


def pinned_version(requirements: Path, package: str) -> Version:
    """The ``package==x.y.z`` pin of a requirements file."""
    pins = [
        re.fullmatch(rf"{package}==(\S+)", line.strip(), flags=re.IGNORECASE)
        for line in requirements.read_text().splitlines()
    ]
    found = [pin.group(1) for pin in pins if pin]
    assert len(found) == 1, f"{package} pinned {len(found)} times in {requirements.name}"
    return Version(found[0])


def matches(pattern: re.Pattern[str], files: list[Path]) -> list[str]:
    """``path:line: text`` of every line of ``files`` that ``pattern`` matches."""
    return [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()[:120]}"
        for path in files
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1)
        if pattern.search(line)
    ]


def python_files() -> list[Path]:
    files = sorted(path for folder in APP_CODE for path in (PROJECT_ROOT / folder).rglob("*.py"))
    assert len(files) > 20
    return files


# 1. The grep patterns catch what they are for ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "override"),
    [
        ("window.dash_clientside.clean_url = (url) => url;", True),
        ("dash_clientside.clean_url=function(u){return u}", True),
        ("window.dash_clientside = {clean_url: function (u) { return u; }};", True),
        ("window.dash_clientside = { clean_url : x => x };", True),
        ("dash_clientside['clean_url'] = identity;", True),
        ('Object.defineProperty(window.dash_clientside, "clean_url", {value: f});', True),
        ("var safe = window.dash_clientside.clean_url(href);", False),
        ("if (dash_clientside.clean_url === undefined) {}", False),
        ("const unclean_url = 1;", False),
    ],
)
def test_the_clean_url_pattern(line, override):
    assert bool(CLEAN_URL_OVERRIDE.search(line)) is override


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("dcc.Markdown(text, dangerously_allow_html=True)", True),
        ("dcc.Markdown(text, dangerously_allow_html = True)", True),
        ('{"dangerously_allow_html": True}', True),
        ("dcc.Markdown(text, dangerously_allow_html=False)", False),
        ("dcc.Markdown(text)", False),
    ],
)
def test_the_raw_html_pattern(line, raw):
    assert bool(RAW_HTML.search(line)) is raw


@pytest.mark.parametrize(
    ("line", "debug"),
    [
        ("app.run(debug=True)", True),
        ("app.run(host='0.0.0.0', debug=True)", True),
        ("app.run(debug=settings.debug)", True),
        ("app.run_server(port=8050)", True),
        ('server.config.update({"debug": True})', True),
        ("Dash(__name__, dev_tools_ui=True)", True),
        ("app.enable_dev_tools(debug = True)", True),
        ("FLASK_DEBUG=1 gunicorn dashboard.app:server", True),
        ("gunicorn --reload dashboard.app:server", True),
        ("reload = True", True),
        ("server.debug = False", False),
        ("logger.debug('loaded')", False),
        ('help="Debug output"', False),
    ],
)
def test_the_debug_pattern(line, debug):
    assert bool(DEBUG_ON.search(line)) is debug


# 2. The pins ----------------------------------------------------------------------------------


@pytest.mark.parametrize("requirements", ["requirements.txt", "requirements.in"])
def test_the_pinned_dash_blocks_javascript_urls(requirements):
    assert pinned_version(PROJECT_ROOT / requirements, "dash") >= FIRST_SANITISING_DASH


def test_the_installed_dash_is_the_pinned_one():
    assert Version(dash.__version__) == pinned_version(PROJECT_ROOT / "requirements.txt", "dash")


def test_no_asset_overrides_dashs_url_sanitiser():
    scripts = sorted(path for path in ASSETS.rglob("*") if path.suffix in (".js", ".mjs"))
    assert PROJECT_ROOT / "assets/vendor/plotly-locale-fr-4.1.1.js" in scripts  # vendor too
    assert PROJECT_ROOT / "assets/share.js" in scripts
    assert matches(CLEAN_URL_OVERRIDE, scripts) == []


def test_no_markdown_renders_raw_html():
    assert matches(RAW_HTML, python_files()) == []


def test_debug_is_never_switched_on_in_code_or_in_the_server_command():
    files = [*python_files(), PROJECT_ROOT / "Procfile", PROJECT_ROOT / "gunicorn.conf.py"]
    assert matches(DEBUG_ON, files) == []


# 3. The running app ---------------------------------------------------------------------------


def test_the_app_runs_without_debug_or_dev_tools(dash_app, client):
    server = dash_app.server
    assert server.debug is False
    assert server.config["PROPAGATE_EXCEPTIONS"] is not True
    assert server.testing is False
    html = client.get("/").get_data(as_text=True)
    config = json.loads(re.search(r'id="_dash-config"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert (config["ui"], config["props_check"], config["show_undo_redo"]) == (False, False, False)


def assert_generic_500(status: int, body: str) -> None:
    assert status == 500
    assert "Internal Server Error" in body
    assert [leak for leak in LEAKS if leak in body.replace("Internal Server Error", "")] == []


def test_an_unforeseen_error_gets_a_generic_500(client, failing_callback):
    response = client.post("/_dash-update-component", json=failing_callback)
    assert_generic_500(response.status_code, response.get_data(as_text=True))


@pytest.mark.server
def test_gunicorn_answers_a_forged_request_with_a_plain_400(live_server):
    response = requests.post(
        f"{live_server}/_dash-update-component", json=FORGED_CALLBACK, timeout=30
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert [leak for leak in LEAKS if leak in response.text] == []
