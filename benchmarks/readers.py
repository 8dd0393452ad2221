"""A simulated reader of the Carte: the requests its browser sends, timed and checked.

A page load is what Chromium sends for ``/`` (seen with Playwright): the page, ``_dash-layout``,
``_dash-dependencies``, the pages router callback (the Carte's layout, the only callback the page
fires on load: every Carte callback has ``prevent_initial_call``), and the regions' geometry once.
A filter change is the Carte's map callback after one dropdown changed: the reader picks an
enabled option of one filter from the options the server sent, and keeps the state the response
returns (``carte-state``, the coerced values, new options), as the browser does, so the
states it asks for are real ones and differ from one reader to the next.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import requests

from benchmarks.environment import Environment
from benchmarks.server import CALLBACK_URL

ROUTER_OUTPUT = "_pages_content.children"
VARIED = ("dataset", "actor", "segment", "indicator", "fragility", "classes", "k")
THINK = (2.0, 5.0)  # seconds between two filter changes
REQUEST_TIMEOUT = 30.0
FILTER = "filter"
PAGE_STEPS = ("page", "layout", "dependencies", "router", "geometry")


class Invalid(Exception):
    """A response that is not what a browser could use (status, body)."""


@dataclass(frozen=True)
class Request:
    """One HTTP request: its kind (a page step or ``filter``), when it started (seconds since
    the run started), how long it took until the body was read, and why it failed (or "")."""

    kind: str
    start: float
    seconds: float
    error: str = ""
    detail: str = ""  # the filter a filter change changed
    idle: float = 0.0  # seconds the reader's connection waited since its previous response


@dataclass(frozen=True)
class PageLoad:
    start: float
    seconds: float
    ok: bool


@dataclass
class Page:
    """What the reader's browser holds: the map callback's input and state values by
    ``id.property``, and the options of the filters it changes."""

    values: dict[str, Any]
    options: dict[str, list[dict]]


class Budget:
    """At most ``limit`` requests over all readers: the run's hard bound besides its duration."""

    def __init__(self, limit: int) -> None:
        self.remaining = limit
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.remaining <= 0:
                return False
            self.remaining -= 1
            return True


@dataclass
class Plan:
    """What every reader shares: the server, the request bodies, the clock and the bounds."""

    url: str
    router: dict[str, Any]
    template: dict[str, Any]
    geometry: str
    budget: Budget
    started: float = field(default_factory=time.perf_counter)
    deadline: float = float("inf")
    stop: threading.Event = field(default_factory=threading.Event)

    def now(self) -> float:
        return time.perf_counter() - self.started

    def active(self) -> bool:
        return not self.stop.is_set() and time.perf_counter() < self.deadline


def router_body(env: Environment, pathname: str = "/", search: str = "") -> dict[str, Any]:
    """The pages router callback as the browser posts it on load, from ``callback_map``."""
    keys = [key for key in env.app.callback_map if ROUTER_OUTPUT in key]
    if len(keys) != 1:
        raise LookupError(f"expected one callback writing {ROUTER_OUTPUT}, found {keys}")
    spec = env.app.callback_map[keys[0]]
    location = {"pathname": pathname, "search": search}
    inputs = [
        {**dependency, "value": location[dependency["property"]]} for dependency in spec["inputs"]
    ]
    return {
        "output": keys[0],
        "outputs": [output.to_dict() for output in spec["output"]],
        "inputs": inputs,
        "state": [],
        "changedPropIds": [f"{dependency['id']}.{dependency['property']}" for dependency in inputs],
    }


def components(node: Any, found: dict[str, dict] | None = None) -> dict[str, dict]:
    """The props of every component with a string id in a Dash layout, by id."""
    found = {} if found is None else found
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and isinstance(props.get("id"), str):
            found[props["id"]] = props
        for value in node.values():
            components(value, found)
    elif isinstance(node, list):
        for value in node:
            components(value, found)
    return found


def dependency_key(dependency: dict[str, Any]) -> str:
    return f"{dependency['id']}.{dependency['property']}"


def page_from_layout(template: dict[str, Any], layout: dict[str, dict]) -> Page:
    """The browser's values after the page load: the layout's, else the template's."""
    values = {}
    for dependency in [*template["inputs"], *template["state"]]:
        props = layout.get(dependency["id"], {})
        values[dependency_key(dependency)] = props.get(dependency["property"], dependency["value"])
    options = {
        name: layout[name]["options"] for name in VARIED if "options" in layout.get(name, {})
    }
    return Page(values, options)


def choose_change(page: Page, rng: random.Random) -> tuple[str, Any] | None:
    """One filter and another enabled option of it, as a reader picks in the dropdown."""
    for name in rng.sample(VARIED, len(VARIED)):
        current = page.values.get(f"{name}.value")
        choices = [
            option["value"]
            for option in page.options.get(name, [])
            if not option.get("disabled") and option["value"] != current
        ]
        if choices:
            return name, rng.choice(choices)
    return None


def filter_body(template: dict[str, Any], values: dict[str, Any], name: str) -> dict[str, Any]:
    """The map callback's request after the filter ``name`` changed, with ``values``."""

    def with_value(dependency: dict[str, Any]) -> dict[str, Any]:
        return {**dependency, "value": values.get(dependency_key(dependency))}

    return {
        **template,
        "inputs": [with_value(dependency) for dependency in template["inputs"]],
        "state": [with_value(dependency) for dependency in template["state"]],
        "changedPropIds": [f"{name}.value"],
    }


def apply_response(page: Page, response: dict[str, Any]) -> None:
    """Keep what the callback sent back, as the browser's components do."""
    for component, props in response.items():
        for prop, value in props.items():
            key = f"{component}.{prop}"
            if key in page.values:
                page.values[key] = value
            if prop == "options" and component in page.options:
                page.options[component] = value


# Response checks: each returns what the reader needs from the body, or raises Invalid.


def check_status(response: requests.Response) -> requests.Response:
    if response.status_code != 200:
        raise Invalid(f"status {response.status_code}: {response.text[:80]!r}")
    return response


def check_json(response: requests.Response) -> Any:
    return check_status(response).json()


def check_callback(response: requests.Response) -> dict[str, Any]:
    document = check_json(response)
    if not isinstance(document, dict) or not isinstance(document.get("response"), dict):
        raise Invalid("callback answer without a 'response' object")
    return document["response"]


def check_router(response: requests.Response) -> dict[str, dict]:
    layout = components(check_callback(response))
    if "carte-state" not in layout:
        raise Invalid("the page's layout holds no Carte")
    return layout


def check_geojson(response: requests.Response) -> Any:
    document = check_json(response)
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise Invalid("geometry without features")
    return document


def reason(kind: str, problem: Exception) -> str:
    """Why a request failed, without the addresses and ports that make each message unique."""
    text = re.sub(r" (object )?at 0x[0-9a-f]+|port=\d+", "", str(problem))
    return f"{kind}: {type(problem).__name__}: {text[:160]}"


class Reader:
    """One reader: a page load, then a filter change every 2–5 s (seeded) until the run ends."""

    def __init__(self, plan: Plan, seed: int, arrival: float = 0.0) -> None:
        self.plan = plan
        self.random = random.Random(seed)
        self.arrival = arrival
        self.session = requests.Session()  # one keep-alive connection, as a browser tab
        self.requests: list[Request] = []
        self.pages: list[PageLoad] = []
        self.page: Page | None = None
        self.answered: float | None = None  # when the previous response was read

    def run(self) -> None:
        self.pause(self.arrival)
        try:
            while self.plan.active():
                self.step()
                self.pause(self.random.uniform(*THINK))
        finally:
            self.session.close()

    def visit(self, changes: int, geometries: Sequence[str] = ()) -> None:
        """A page load, ``changes`` filter changes and ``geometries``, without pauses."""
        for _ in range(changes + 1):
            self.step()
        for path in geometries:
            self.fetch("geometry", "GET", path, check_geojson)
        self.session.close()

    def step(self) -> None:
        if self.page is None:
            self.load_page()
        else:
            self.change_filter(self.page)

    def pause(self, seconds: float) -> None:
        remaining = self.plan.deadline - time.perf_counter()
        self.plan.stop.wait(max(0.0, min(seconds, remaining)))

    def fetch(
        self,
        kind: str,
        method: str,
        path: str,
        check: Callable[[requests.Response], Any],
        detail: str = "",
        **options: Any,
    ) -> Any | None:
        """The checked body of one request, or None when it failed (the failure is recorded)."""
        if not self.plan.budget.take():
            self.plan.stop.set()
            return None
        start = self.plan.now()
        idle = 0.0 if self.answered is None else start - self.answered
        try:
            response = self.session.request(
                method, self.plan.url + path, timeout=REQUEST_TIMEOUT, **options
            )
            self.answered = self.plan.now()
            body = check(response)
        except (requests.RequestException, ValueError, Invalid) as problem:
            self.answered = None  # a failed request leaves no connection to reuse
            error = reason(kind, problem)
            self.requests.append(Request(kind, start, self.plan.now() - start, error, detail, idle))
            return None
        self.requests.append(Request(kind, start, self.answered - start, "", detail, idle))
        return body

    def load_page(self) -> None:
        start = self.plan.now()
        steps = (
            ("page", "GET", "/", check_status, {}),
            ("layout", "GET", "/_dash-layout", check_json, {}),
            ("dependencies", "GET", "/_dash-dependencies", check_json, {}),
            ("router", "POST", CALLBACK_URL, check_router, {"json": self.plan.router}),
            ("geometry", "GET", self.plan.geometry, check_geojson, {}),
        )
        bodies = {}
        for kind, method, path, check, options in steps:
            bodies[kind] = self.fetch(kind, method, path, check, **options)
            if bodies[kind] is None:
                if self.plan.active():  # not the run's end cutting the page load short
                    self.pages.append(PageLoad(start, self.plan.now() - start, False))
                return
        self.page = page_from_layout(self.plan.template, bodies["router"])
        self.pages.append(PageLoad(start, self.plan.now() - start, True))

    def change_filter(self, page: Page) -> None:
        change = choose_change(page, self.random)
        if change is None:  # nothing left to pick: the reader reloads the page
            self.page = None
            return
        name, value = change
        values = {**page.values, f"{name}.value": value}
        body = filter_body(self.plan.template, values, name)
        response = self.fetch(FILTER, "POST", CALLBACK_URL, check_callback, name, json=body)
        if response is not None:
            page.values = values
            apply_response(page, response)


def warm_up(plan: Plan, visitors: int, changes: int, geometries: Sequence[str] = ()) -> list[str]:
    """Untimed visits, several at once so that every worker serves some; the failures."""
    readers = [Reader(plan, seed=-index) for index in range(visitors)]
    threads = [
        threading.Thread(target=reader.visit, args=(changes, geometries)) for reader in readers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [request.error for reader in readers for request in reader.requests if request.error]
