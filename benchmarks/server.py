"""Server: the Carte callback and the geometry file, through Flask's test client (no network).

The callback request is the one the browser sends when the actor dropdown changes: its
``output`` key and its ``outputs``/``inputs``/``state`` lists are read from the app's
``callback_map``, so they follow Dash's format rather than a copy of it.
"""

from __future__ import annotations

from itertools import cycle
from typing import Any

from flask.testing import FlaskClient

from benchmarks import Figure, benchmark, error_row, median, ms, p90, runs_note, timed
from benchmarks.data import carte_state
from benchmarks.environment import Environment

CALLBACK_URL = "/_dash-update-component"
CALLBACK_OUTPUT = "map.figure"
ACTORS = ("citoyens", "associations", "entreprises", "maires")
CALLBACK_WARMUP = 5
CALLBACK_RUNS = 40
GEOJSON_RUNS = 20
GEOJSON_WARMUP = 2


class StatusError(Exception):
    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(f"status {status}: {body[:200].decode('utf-8', 'replace')}")


def carte_callback_key(env: Environment) -> str:
    """The ``callback_map`` key of the Carte callback (the one writing ``map.figure``)."""
    keys = [key for key in env.app.callback_map if f"..{CALLBACK_OUTPUT}..." in key]
    if len(keys) != 1:
        raise LookupError(f"expected one callback writing {CALLBACK_OUTPUT}, found {keys}")
    return keys[0]


def callback_body(env: Environment, key: str, actor: str) -> dict[str, Any]:
    """The JSON a browser posts when ``actor`` is picked, for the callback ``key``."""
    spec = env.app.callback_map[key]
    state = carte_state(env).model_dump(mode="json")
    values = {f"{name}.value": value for name, value in state.items()}
    values |= {"fragility.value": "ensemble", "actor.value": actor, "carte-state.data": state}
    # the regions' map is on the page: a filter change sends a Patch of values, as in a browser
    values["geometry-key.data"] = env.context.geometry_url("regions")

    def with_value(dependency: dict[str, str]) -> dict[str, Any]:
        """Its value; None for the inputs a filter change leaves alone (search, click…)."""
        return {**dependency, "value": values.get(f"{dependency['id']}.{dependency['property']}")}

    return {
        "output": key,
        "outputs": [output.to_dict() for output in spec["output"]],
        "inputs": [with_value(dependency) for dependency in spec["inputs"]],
        "state": [with_value(dependency) for dependency in spec["state"]],
        "changedPropIds": ["actor.value"],
    }


def post_callback(client: FlaskClient, body: dict[str, Any]) -> int:
    """POST one callback request; the response body's size in bytes."""
    response = client.post(CALLBACK_URL, json=body)
    payload = response.get_data()
    if response.status_code != 200:
        raise StatusError(response.status_code, payload)
    return len(payload)


@benchmark
def callback_time(env: Environment) -> list[Figure]:
    key = carte_callback_key(env)
    bodies = cycle([callback_body(env, key, actor) for actor in ACTORS])
    client = env.client
    sizes: list[int] = []
    try:
        times = timed(
            lambda: sizes.append(post_callback(client, next(bodies))),
            runs=CALLBACK_RUNS,
            warmup=CALLBACK_WARMUP,
        )
    except StatusError as problem:
        return [error_row("Carte callback", f"POST {CALLBACK_URL}: {problem}")]
    timed_sizes = sizes[CALLBACK_WARMUP:]
    extra = f"actor cycling {', '.join(ACTORS)}"
    return [
        Figure(
            "Carte callback p50",
            ms(median(times)),
            "ms",
            runs_note(times, CALLBACK_WARMUP, extra),
        ),
        Figure(
            "Carte callback p90",
            ms(p90(times)),
            "ms",
            runs_note(times, CALLBACK_WARMUP, extra, stat="p90"),
        ),
        Figure(
            "Carte callback response size",
            int(median(timed_sizes)),
            "bytes",
            f"median of {len(timed_sizes)} responses, uncompressed",
        ),
    ]


def get_geojson(client: FlaskClient, url: str) -> int:
    """GET one file, reading its whole body; the body's size in bytes."""
    response = client.get(url)
    payload = response.get_data()
    response.close()
    if response.status_code != 200:
        raise StatusError(response.status_code, payload)
    return len(payload)


@benchmark
def geojson_time(env: Environment) -> list[Figure]:
    url = env.context.geometry_url("regions")
    client = env.client
    sizes: list[int] = []
    try:
        times = timed(
            lambda: sizes.append(get_geojson(client, url)),
            runs=GEOJSON_RUNS,
            warmup=GEOJSON_WARMUP,
        )
    except StatusError as problem:
        return [error_row("GET regions.geojson", f"GET {url}: {problem}")]
    return [
        Figure(
            "GET regions.geojson",
            ms(median(times)),
            "ms",
            runs_note(times, GEOJSON_WARMUP, "test client, uncompressed"),
        ),
        Figure("GET regions.geojson size", sizes[-1], "bytes", "response body"),
    ]
