"""Browser: the Carte in headless Chromium against real gunicorn, beside the naive way.

One run starts gunicorn from the Procfile (on the run's private geometry cache) and Debian's
Chromium with software WebGL, then measures for each map level:

- first paint: navigation start → the map drawn (Plotly's plot promise resolved and, on a
  tile map, MapLibre idle), in a fresh browser context (nothing cached);
- a filter change (another actor in the actor dropdown): click → map redrawn, click → a visible
  loading indicator, the callback's response decoded and compressed (as sent on the wire, or
  gzip-6 of it when sent uncompressed), and its server time: the browser's own request, a state
  the server has never computed (time to first byte, "cold"), and the same POST replayed with
  ``requests`` (warm p50/p90).

Each figure has its naive twin from the same run: a Playwright route replaces the map figure in
the page and in each callback response with a full figure carrying the geometry inline, built
and serialised in Python as a naive server would (that build + ``to_json`` is its server time).
Commune level is probed at ``COMMUNE_QUERY``; a page that does not draw communes there gives
``n/a`` rows, not errors. What the page must keep stable is declared below the imports.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import plotly.graph_objects as go
import requests

from benchmarks import ERROR, Figure, benchmark, median, ms, p90, runs_note, timed
from benchmarks.environment import Environment
from tests.local_server import CHROMIUM, CHROMIUM_ARGS, procfile_server

# What the page must keep stable (adjust here when the page changes).
GRAPH = "#map"  # the dcc.Graph of the map; Plotly draws into its ".js-plotly-plot" child
NOTICES = "#notices"  # a URL parameter the page refuses is named here (« level »)
FILTER = "#actor"  # the dropdown changed for a filter change
OPTION = "[role=option]"  # its options once open, each with an <input value=…>
LOADING = ".map-updating, .dash-spinner, [aria-busy='true']"  # a visible loading indicator
CALLBACK_PATH = "/_dash-update-component"
FIGURE_OUTPUT = "map.figure"  # the callback output carrying the map
COMMUNE_QUERY = "?level=commune&territory={territory}"

VIEWPORT = {"width": 1400, "height": 1100}
WORKERS = 2
QUIET_MS = 300  # the map counts as drawn once no plot call has started or finished for this long
REPLAY_WARMUP = 2
PLACEHOLDER = "__phare_naive_figure__"
# Plotly's geo subplot loads a base TopoJSON even with every base layer off: on the naive
# pages it gets an empty topology instead of the CDN's (a benchmark uses no network).
PLOTLY_CDN = "https://cdn.plot.ly/**"
TOPOLOGY_LAYERS = ("coastlines", "countries", "lakes", "land", "ocean", "rivers", "subunits")
EMPTY_TOPOLOGY = json.dumps(
    {
        "type": "Topology",
        "objects": {
            name: {"type": "GeometryCollection", "geometries": []} for name in TOPOLOGY_LAYERS
        },
        "arcs": [],
    }
)
FRANCE_VIEW = {"center": {"lat": 46.6, "lon": 2.4}, "zoom": 4.7}
NORMANDIE_VIEW = {"center": {"lat": 49.1, "lon": 0.1}, "zoom": 6.6}

FIRST_PAINT = "first paint"
REDRAWN = "filter change · click → redrawn"
LOADING_SHOWN = "filter change · click → loading shown"
SERVER_P50 = "filter change · server p50"
SERVER_P90 = "filter change · server p90"
SERVER_COLD = "filter change · server cold"
DECODED = "filter change · response bytes"
COMPRESSED = "filter change · response compressed"
METRICS = {
    FIRST_PAINT: "ms",
    REDRAWN: "ms",
    LOADING_SHOWN: "ms",
    SERVER_P50: "ms",
    SERVER_P90: "ms",
    SERVER_COLD: "ms",
    DECODED: "bytes",
    COMPRESSED: "bytes",
}
Measured = dict[str, tuple[float | int | str, str]]


@dataclass(frozen=True)
class Level:
    name: str  # in the row names
    query: str  # the page's URL query for this level
    geometry: str  # the served level the naive figure inlines (GET /geo/<geometry>.geojson)
    naive: tuple[str, ...]  # naive figure kinds: "geo" (go.Choropleth), "map" (go.Choroplethmap)
    view: dict[str, Any]  # the naive tile map's centre and zoom
    targets: dict[str, str]
    clicks: int = 3
    naive_clicks: int = 3
    naive_runs: int = 10  # at least this many naive builds timed (page and clicks included)
    replays: int = 20  # warm replays of the app's callback POST
    timeout_ms: int = 60_000
    communes: bool = False  # the app's support of the level is probed first


LEVELS = (
    Level(
        "region",
        "",
        "regions",
        ("geo", "map"),
        FRANCE_VIEW,
        {
            FIRST_PAINT: "≤ 3 s",
            REDRAWN: "≤ 300 ms",
            SERVER_P50: "≤ 10 ms",
            SERVER_COLD: "≤ 50 ms",
            DECODED: "≤ 4 KB",
        },
    ),
    Level(
        "departement",  # no target of its own: the regions' targets are the reference
        "?level=departement",
        "departements",
        ("geo",),
        FRANCE_VIEW,
        {},
        naive_runs=5,
    ),
    Level(
        "communes 28",
        COMMUNE_QUERY.format(territory="28"),
        "communes-28",
        ("map",),
        NORMANDIE_VIEW,
        {REDRAWN: "≤ 800 ms", SERVER_P50: "≤ 40 ms", COMPRESSED: "≤ 40 KB"},
        naive_runs=5,
        timeout_ms=90_000,
        communes=True,
    ),
    Level(
        "communes FR",
        COMMUNE_QUERY.format(territory="FR"),
        "communes",
        ("map",),
        FRANCE_VIEW,
        {
            REDRAWN: "≤ 4 s",
            LOADING_SHOWN: "≤ 100 ms",
            SERVER_P50: "≤ 60 ms",
            COMPRESSED: "≤ 80 KB",
        },
        clicks=2,
        naive_clicks=1,
        naive_runs=0,
        replays=10,
        timeout_ms=180_000,
        communes=True,
    ),
)

# Installed before any page script: wraps Plotly.newPlot/react when plotly.min.js defines
# window.Plotly, and times each call on the graph until drawn; records the armed click.
INSTRUMENT = """
(() => {
  const GRAPH = __GRAPH__;
  const bench = { plots: [], clickAt: null, loadingAt: null, armed: false, observer: null };
  window.__bench = bench;
  const now = () => performance.now();
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const maps = (gd) => Object.values((gd && gd._fullLayout) || {})
    .map((value) => value && value._subplot && value._subplot.map)
    .filter((map) => map && typeof map.loaded === 'function');
  const idle = (map) => new Promise((resolve) => {
    if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) { resolve(); return; }
    map.once('idle', resolve);
  });
  // A tile map is drawn when MapLibre is idle (it fires after its last frame); SVG at next frame.
  const drawn = async (gd) => {
    const tiled = maps(gd);
    await (tiled.length ? Promise.all(tiled.map(idle)) : frame());
    return now();
  };
  const wrap = (plotly) => {
    for (const name of ['newPlot', 'react']) {
      const original = plotly[name];
      if (typeof original !== 'function' || original.benchWrapped) continue;
      const wrapped = function (target, ...rest) {
        const gd = typeof target === 'string' ? document.getElementById(target) : target;
        const record = { name, start: now(), inGraph: !!(gd && gd.closest && gd.closest(GRAPH)) };
        bench.plots.push(record);
        const result = original.call(this, target, ...rest);
        Promise.resolve(result).then(() => drawn(gd))
          .then((time) => { record.drawn = time; }, (error) => { record.error = String(error); });
        return result;
      };
      wrapped.benchWrapped = true;
      plotly[name] = wrapped;
    }
  };
  let plotly;
  Object.defineProperty(window, 'Plotly', {
    configurable: true, enumerable: true,
    get: () => plotly,
    set: (value) => { plotly = value; if (value) wrap(value); },
  });
  const visible = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const watchLoading = (selector) => {
    const seen = () => {
      if (bench.loadingAt === null && [...document.querySelectorAll(selector)].some(visible)) {
        bench.loadingAt = now();
      }
      return bench.loadingAt !== null;
    };
    if (seen()) return;
    bench.observer = new MutationObserver(() => { if (seen()) bench.disarm(); });
    bench.observer.observe(document.documentElement,
      { subtree: true, childList: true, attributes: true });
  };
  bench.arm = (selector) => {
    bench.disarm();
    Object.assign(bench, { armed: selector, clickAt: null, loadingAt: null });
  };
  bench.disarm = () => { if (bench.observer) bench.observer.disconnect(); bench.observer = null; };
  document.addEventListener('pointerdown', () => {
    if (!bench.armed) return;
    const selector = bench.armed;
    bench.armed = false;
    bench.clickAt = now();
    watchLoading(selector);
  }, true);
})();
"""

# Truthy once every plot call on the graph started since `since` is drawn and all is quiet.
DRAWN = """
([since, quiet]) => {
  const records = window.__bench.plots.filter((r) => r.inGraph && r.start >= since);
  if (!records.length || records.some((r) => r.drawn === undefined && r.error === undefined)) {
    return null;
  }
  const last = Math.max(...records.map((r) => r.drawn || r.start));
  if (performance.now() - last < quiet) return null;
  const errors = records.map((r) => r.error).filter(Boolean);
  return { drawn: last, calls: records.length, errors };
}
"""

OPTIONS = """
(options) => options.map((option) => {
  const input = option.querySelector('input');
  return {
    value: input ? input.value : option.textContent,
    selected: option.getAttribute('aria-selected') === 'true',
    disabled: !!(input && input.disabled) || option.getAttribute('aria-disabled') === 'true',
  };
})
"""

TRACES = """
(graph) => {
  const gd = document.querySelector(graph + ' .js-plotly-plot');
  const traces = (gd && gd.data) || [];
  const geometry = (t) => (typeof t.geojson === 'string' ? 'URL' : t.geojson ? 'inline' : 'no');
  return {
    kinds: [...new Set(traces.map((t) => `${t.type} (${geometry(t)} geometry)`))].join(', '),
    communes: traces.some((t) => typeof t.geojson === 'string' && t.geojson.includes('communes')
      && (t.locations || []).some((code) => String(code).length === 5)),
  };
}
"""

WEBGL = """
() => {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
}
"""


def gzip_size(data: bytes) -> int:
    """Bytes of ``data`` compressed as a server would (gzip level 6)."""
    return len(gzip.compress(data, compresslevel=6))


def place_figure(node: object, graph_id: str) -> str:
    """Put :data:`PLACEHOLDER` where a Dash response holds the graph's figure.

    Answers ``"layout"`` (a component tree with the graph), ``"callback"`` (a callback's
    output) or ``""`` when the response carries no figure of that graph.
    """
    if isinstance(node, list):
        return next((found for item in node if (found := place_figure(item, graph_id))), "")
    if not isinstance(node, dict):
        return ""
    props = node.get("props")
    if isinstance(props, dict) and props.get("id") == graph_id and "figure" in props:
        props["figure"] = PLACEHOLDER
        return "layout"
    response = node.get("response")
    output = response.get(graph_id) if isinstance(response, dict) else None
    if isinstance(output, dict) and "figure" in output:
        output["figure"] = PLACEHOLDER
        return "callback"
    return next((found for value in node.values() if (found := place_figure(value, graph_id))), "")


def splice_figure(text: str, graph_id: str, figure_json: Callable[[], str]) -> tuple[str, str]:
    """``text`` with the graph's figure replaced by ``figure_json()``, and where it was."""
    document = json.loads(text)
    where = place_figure(document, graph_id)
    if not where:
        return text, ""
    spliced = json.dumps(document, separators=(",", ":"))
    return spliced.replace(json.dumps(PLACEHOLDER), figure_json(), 1), where


def pick_option(options: list[dict[str, Any]], seen: set[str]) -> int:
    """Index of the first enabled, unselected option not picked before (else any enabled one)."""
    usable = [i for i, o in enumerate(options) if not o["selected"] and not o["disabled"]]
    fresh = [i for i in usable if options[i]["value"] not in seen]
    if not usable:
        raise LookupError(f"no other option to choose in {FILTER}")
    return (fresh or usable)[0]


class NaiveFigure:
    """A full figure with the geometry inline, built and serialised as a naive server would."""

    def __init__(self, kind: str, collection: dict[str, Any], view: dict[str, Any]) -> None:
        self.kind = kind
        self.collection = collection
        self.view = view
        features = collection["features"]
        self.ids = [feature["id"] for feature in features]
        self.names = [[feature["properties"].get("nom", "")] for feature in features]
        self.random = np.random.default_rng(0)
        self.seconds: list[float] = []
        self.callback_body = b""

    @property
    def label(self) -> str:
        return f"naive inline {self.kind}"

    def figure(self) -> go.Figure:
        trace = {
            "geojson": self.collection,
            "locations": self.ids,
            "z": self.random.uniform(0, 100, len(self.ids)),
            "customdata": self.names,
            "hovertemplate": "<b>%{customdata[0]}</b><br>%{z:.1f}<extra></extra>",
            "colorscale": "YlGnBu",
            "marker": {"line": {"width": 0.5}},
        }
        if self.kind == "geo":
            geo = {
                "fitbounds": "locations",
                "visible": False,
                "projection": {"type": "conic conformal", "parallels": [44, 49]},
            }
            return go.Figure(go.Choropleth(**trace), layout={"geo": geo})
        return go.Figure(
            go.Choroplethmap(**trace), layout={"map": {"style": "white-bg", **self.view}}
        )

    def to_json(self) -> str:
        start = time.perf_counter()
        text = self.figure().to_json()
        self.seconds.append(time.perf_counter() - start)
        return text

    def handle(self, route: Any) -> None:
        """Playwright route: the real response, with the map figure replaced by this one."""
        response = route.fetch()
        body, where = splice_figure(response.text(), GRAPH.lstrip("#"), self.to_json)
        if where == "callback":
            self.callback_body = body.encode()
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-length", "content-encoding")
        }
        route.fulfill(status=response.status, headers=headers, body=body)


@dataclass
class Click:
    redrawn: float
    loading: float | None
    callbacks: int = 0
    ttfb: float | None = None
    wire: int = 0
    body: bytes = b""
    encoding: str = ""
    post_data: str = ""


@dataclass
class PageRun:
    first_paint: float
    kinds: str
    unsupported: str = ""  # why the page does not offer the level (n/a rows)
    problem: str = ""  # why the filter changes failed after the first paint (error rows)
    clicks: list[Click] = field(default_factory=list)

    def first_paint_figure(self) -> tuple[float, str]:
        return self.first_paint, f"from navigation start; {self.kinds}"


def describe(problem: Exception) -> str:
    lines = str(problem).strip().splitlines()
    return f"{type(problem).__name__}: {lines[0] if lines else ''}"


# Server and browser


@contextmanager
def live_server(env: Environment) -> Iterator[str]:
    """Real gunicorn from the Procfile on the run's private geometry cache; its base URL."""
    env.manifest  # noqa: B018  (builds the cache gunicorn reads)
    variables = {
        "PHARE_ENABLE_SIMULATED": "1",  # as `make run` and the browser tests, unless set
        **os.environ,
        "PHARE_CACHE_DIR": str(env.settings.cache_dir),
        "WEB_CONCURRENCY": str(WORKERS),
    }
    with procfile_server(variables, env.workdir / "gunicorn-browser.log") as (url, _):
        yield url


def missing_browser() -> str:
    """Why the browser benchmark cannot run here, or ``""``."""
    if not CHROMIUM.exists():
        return f"Debian's chromium is not installed ({CHROMIUM}); `make browsers` installs it"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (requirements-dev.txt)"
    return ""


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()


# One page: first paint, then filter changes


def wait_drawn(page: Any, since: float, timeout_ms: int) -> float:
    """``performance.now()`` when the graph's plot calls started after ``since`` were drawn."""
    result = page.wait_for_function(DRAWN, arg=[since, QUIET_MS], timeout=timeout_ms).json_value()
    if result["errors"]:
        raise RuntimeError(f"Plotly: {result['errors'][0]}")
    return result["drawn"]


def change_filter(page: Any, seen: set[str]) -> None:
    """Open the filter, arm the click timer, pick another option as a reader does."""
    page.click(FILTER)
    options = page.locator(OPTION)
    options.first.wait_for(timeout=10_000)
    listed = options.evaluate_all(OPTIONS)
    index = pick_option(listed, seen)
    seen.add(listed[index]["value"])
    page.evaluate("(selector) => window.__bench.arm(selector)", LOADING)
    options.nth(index).click()


def read_callback(click: Click, responses: list[Any]) -> None:
    """The click's map callback: body, bytes on the wire, time to first byte, request body."""
    click.callbacks = len(responses)
    response = next((r for r in responses if FIGURE_OUTPUT in (r.request.post_data or "")), None)
    if response is None:
        return
    response.finished()
    timing = response.request.timing
    click.ttfb = timing["responseStart"] - timing["requestStart"]
    click.wire = response.request.sizes()["responseBodySize"]
    click.body = response.body()
    click.encoding = response.headers.get("content-encoding", "")
    click.post_data = response.request.post_data or ""


def measure_click(page: Any, responses: list[Any], seen: set[str], timeout_ms: int) -> Click:
    before = len(responses)
    change_filter(page, seen)
    page.wait_for_function("() => window.__bench.clickAt !== null", timeout=10_000)
    clicked = page.evaluate("window.__bench.clickAt")
    drawn = wait_drawn(page, clicked, timeout_ms)
    loading = page.evaluate("window.__bench.loadingAt")
    page.evaluate("window.__bench.disarm()")
    click = Click(drawn - clicked, None if loading is None else loading - clicked)
    read_callback(click, responses[before:])
    return click


def unsupported_level(page: Any, kinds: dict[str, Any]) -> str:
    """Why the page does not draw communes at the commune URL, or ``""``."""
    notices = page.inner_text(NOTICES) if page.locator(NOTICES).count() else ""
    if "level" in notices:
        return f"not available: {' '.join(notices.split())}"
    return "" if kinds["communes"] else "not available: the map draws no commune there"


def run_page(browser: Any, url: str, level: Level, naive: NaiveFigure | None) -> PageRun:
    """A first visit (fresh context) to ``url``, then the level's filter changes."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INSTRUMENT.replace("__GRAPH__", json.dumps(GRAPH)))
    page = context.new_page()
    responses: list[Any] = []  # the app's callback responses (a routed one has no timing)
    if naive is None:
        page.on("response", lambda r: responses.append(r) if CALLBACK_PATH in r.url else None)
    else:
        page.route(f"**{CALLBACK_PATH}*", naive.handle)
        page.route(PLOTLY_CDN, lambda route: route.fulfill(body=EMPTY_TOPOLOGY))
    try:
        page.goto(url, timeout=level.timeout_ms)
        run = PageRun(wait_drawn(page, 0, level.timeout_ms), "")
        kinds = page.evaluate(TRACES, GRAPH)
        run.kinds = kinds["kinds"]
        if naive is None and level.communes:
            run.unsupported = unsupported_level(page, kinds)
        if run.unsupported:
            return run
        seen: set[str] = set()
        try:
            for _ in range(level.clicks if naive is None else level.naive_clicks):
                run.clicks.append(measure_click(page, responses, seen, level.timeout_ms))
        except Exception as problem:  # the first paint stands; the filter change failed
            run.problem = describe(problem)
        return run
    finally:
        context.close()


# Figures


def replay(url: str, body: str, runs: int) -> list[float]:
    """Seconds of the same callback POST replayed on one keep-alive connection."""
    with requests.Session() as session:

        def post() -> None:
            response = session.post(
                url + CALLBACK_PATH,
                data=body.encode(),
                headers={"Content-Type": "application/json"},
                timeout=60,
            )
            response.raise_for_status()

        return timed(post, runs=runs, warmup=REPLAY_WARMUP)


def values_note(values: list[float], what: str) -> str:
    listed = ", ".join(f"{value:.0f}" for value in values)
    return f"median of {len(values)} {what} ({listed})"


def browser_metrics(run: PageRun) -> Measured:
    """First paint, redraw and loading indicator: the same for the app and the naive figure."""
    measured: Measured = {FIRST_PAINT: run.first_paint_figure()}
    redraws = [click.redrawn for click in run.clicks]
    measured[REDRAWN] = (median(redraws), values_note(redraws, "clicks"))
    shown = [click.loading for click in run.clicks if click.loading is not None]
    measured[LOADING_SHOWN] = (
        (median(shown), values_note(shown, f"of {len(run.clicks)} clicks"))
        if shown
        else ("n/a", f"no visible element matched {LOADING!r}")
    )
    return measured


def app_metrics(run: PageRun, url: str, replays: int) -> Measured:
    measured = browser_metrics(run)
    clicks = [click for click in run.clicks if click.ttfb is not None]
    if not clicks:
        return measured | {SERVER_P50: (ERROR, f"no POST carrying {FIGURE_OUTPUT} after a click")}
    cold = [click.ttfb for click in clicks]
    measured[SERVER_COLD] = (
        median(cold),
        f"browser's own POST of a new state, TTFB; {values_note(cold, 'clicks')}",
    )
    warm = replay(url, clicks[-1].post_data, replays)
    extra = "the last click's POST replayed with requests, keep-alive"
    measured[SERVER_P50] = (ms(median(warm)), runs_note(warm, REPLAY_WARMUP, extra))
    measured[SERVER_P90] = (ms(p90(warm)), runs_note(warm, REPLAY_WARMUP, extra, stat="p90"))
    last = clicks[-1]
    measured[DECODED] = (len(last.body), f"JSON body, last click ({last.callbacks} POST)")
    measured[COMPRESSED] = (
        (last.wire, f"on the wire ({last.encoding}); gzip -6 would be {gzip_size(last.body):,}")
        if last.encoding
        else (gzip_size(last.body), "gzip -6 estimate: the server sent it uncompressed")
    )
    return measured


def naive_metrics(run: PageRun, naive: NaiveFigure, runs: int) -> Measured:
    measured = browser_metrics(run)
    cold = naive.seconds[0]
    while len(naive.seconds) < runs:
        naive.to_json()
    seconds = naive.seconds
    extra = "figure build + to_json, page load and clicks included"
    measured[SERVER_P50] = (ms(median(seconds)), runs_note(seconds, extra=extra))
    measured[SERVER_P90] = (ms(p90(seconds)), runs_note(seconds, extra=extra, stat="p90"))
    measured[SERVER_COLD] = (ms(cold), "the run's first build + to_json of this figure")
    body = naive.callback_body
    measured[DECODED] = (len(body), "JSON body: the callback response with the inline figure")
    measured[COMPRESSED] = (gzip_size(body), "gzip -6 estimate (the route sends it uncompressed)")
    return measured


def unmeasured(value: str, reason: str) -> Measured:
    return dict.fromkeys(METRICS, (value, reason))


def measure_variant(
    page_run: Callable[[], PageRun], metrics: Callable[[PageRun], Measured]
) -> Measured:
    """The figures of one page run: ``n/a`` when the level is not offered, errors as rows."""
    try:
        run = page_run()
        if run.unsupported:
            return unmeasured("n/a", run.unsupported)
        if run.problem:
            return unmeasured(ERROR, run.problem) | {FIRST_PAINT: run.first_paint_figure()}
        return metrics(run)
    except Exception as problem:
        return unmeasured(ERROR, describe(problem))


def measure_level(browser: Any, url: str, level: Level) -> dict[str, Measured]:
    """The app's figures for ``level`` and those of its naive twins, by variant."""
    variants = {
        "app": measure_variant(
            lambda: run_page(browser, f"{url}/{level.query}", level, None),
            lambda run: app_metrics(run, url, level.replays),
        )
    }
    # Without the level in the app, the naive figure replaces the default map.
    query = "" if variants["app"][FIRST_PAINT][0] == "n/a" else level.query
    collection = requests.get(f"{url}/geo/{level.geometry}.geojson", timeout=60).json()
    for kind in level.naive:
        naive = NaiveFigure(kind, collection, level.view)
        variants[naive.label] = measure_variant(
            lambda naive=naive: run_page(browser, f"{url}/{query}", level, naive),
            lambda run, naive=naive: naive_metrics(run, naive, level.naive_runs),
        )
    return variants


def level_rows(level: Level, variants: dict[str, Measured]) -> list[Figure]:
    """Metric by metric, the app's figure followed by its naive twins."""
    rows = []
    for metric, unit in METRICS.items():
        target = level.targets.get(metric)
        for variant, measured in variants.items():
            value, note = measured.get(metric, ("n/a", "not measured"))
            if target:
                note = f"target {target}; {note}"
            rows.append(Figure(f"browser · {level.name} · {metric} · {variant}", value, unit, note))
    return rows


def warm_up(browser: Any, url: str) -> str:
    """One untimed visit (both workers answer once), and the WebGL renderer in use."""
    for _ in range(2 * WORKERS):
        requests.get(url + "/", timeout=30)
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(url + "/")
        page.wait_for_selector(f"{GRAPH} .js-plotly-plot", timeout=60_000)
        return page.evaluate(WEBGL)
    finally:
        page.close()


@benchmark
def carte_in_chromium(env: Environment) -> list[Figure]:
    missing = missing_browser()
    if missing:
        print(f"browser benchmark skipped: {missing}", file=sys.stderr)
        return [Figure("browser", "skipped", "", missing)]
    start = time.perf_counter()
    with live_server(env) as url, chromium() as browser:
        renderer = warm_up(browser, url)
        rows = [
            Figure(
                "browser · environment",
                f"Chromium {browser.version}",
                "",
                f"headless, WebGL {renderer}; gunicorn {WORKERS} workers; {env.origin}",
            )
        ]
        for level in LEVELS:
            rows += level_rows(level, measure_level(browser, url, level))
    rows.append(Figure("browser · run time", time.perf_counter() - start, "s", "whole run"))
    return rows
