"""Every callback answers a forged request without a server error.

Each input and State of a callback comes back from the visitor's browser, where anyone can
change it: a ``dcc.Store`` can hold a string, a component value a nested dict. For every
server callback of the app, each of its values in turn is replaced by each hostile value of
:data:`HOSTILE` (the others keep a valid value, so that the callback gets past its early
exits); then every value at once. A forged input fires the callback; a forged State meets
each input that can fire it. Each request must be answered below 500. The table is fixed, not
drawn at random: a failure names its case, and the whole file stays under a minute.
"""

from __future__ import annotations

import base64

import pytest

from dashboard.core.state import AppState
from dashboard.server.current import EXTENSION_KEY

STATE = AppState().model_dump(mode="json")
CSV = "code;valeur\n14118;12,5\n14114;40\n"
# Dash's own callback, the pages router: it calls the page layouts, fuzzed on their own in
# tests/dashboard/test_hostile_requests.py; its inputs are read by Dash's code, not the app's.
DASH_ROUTER = "_pages_content.children"
# A value each input or State can hold in real use, by component id and property
VALID = {
    **{f"{name}.value": value for name, value in STATE.items()},
    "fragility.value": "ensemble",
    "search.value": "28",
    "search.search_value": "14118",  # a code: a name's search takes ~0.1 s, a code's 1 ms
    "map.clickData": {"points": [{"location": "28"}]},
    "whole-france.n_clicks": 1,
    "commune-upload.data": None,  # a visitor's file: its view is never cached (~0.1 s each)
    "carte-state.data": STATE,
    "geometry-key.data": None,  # the regions' geometry: see valid_values
    "upload.contents": "data:text/csv;base64," + base64.b64encode(CSV.encode()).decode(),
    "upload.filename": "valeurs.csv",
    "commune-finder.search_value": "14118",
    "commune-finder.value": "14118",
    "commune-state.data": {"lang": "fr", "query": "?dataset=simule"},
    "gap-fragility.value": "emploi",
    "france-sort.value": "entreprises",
    "france-state.data": STATE,
    "profile-key.data": {"state": STATE, "region": "28"},
    "compare-territories.value": ["28", "FR"],
    "compare-actor.value": "maires",
    "comparer-state.data": STATE,
    "analyse-dataset.value": "publie",
    "analyse-indicator.value": "partnership_innovation_share",
    "analyse-fragility.value": None,
    "analyse-rows.value": "fragility",
    "analyse-cols.value": "actor",
    "analyse-actor.value": "maires",
    "analyse-segment.value": "all",
    "analyse-territory.value": "FR",
    "analyse-group.value": "all",
    "analyse-labels.value": False,
    "analyse-state.data": STATE,
    "embed-modal.is_open": True,
    "map-title.children": "Part des maires",
}
HOSTILE = {
    "null": None,
    "zero": 0,
    "an int": 12,
    "a huge int": 10**30,
    "true": True,
    "NaN": float("nan"),
    "infinity": float("inf"),
    "an empty list": [],
    "a mixed list": [1, "a", None, {"x": 1}],
    "an empty dict": {},
    "a nested dict": {"x": {"y": [1, {"z": None}]}},
    "a long string": "9" * 5000,
    "markup": "<script>alert(1)</script>",
    "a lone surrogate": "\ud800",
    "a NUL": "\x00",
    "an unknown language": "de",
    "a view state with wrong-typed fields": {
        **STATE,
        "k": "many",
        "territories": 7,
        "lang": ["fr"],
        "actor": {"a": 1},
        "embed": "yes",
        "level": None,
        "release": [],
    },
    "a view state in German": {**STATE, "lang": "de"},
    "a profile key with wrong-typed fields": {"state": "fr", "region": ["28"]},
    "a profile key in German": {"state": {**STATE, "lang": "de"}, "region": "28"},
    "a commune store with wrong-typed fields": {"lang": ["fr"], "query": 7},
    "a commune store in German": {"lang": "de", "query": "?lang=de"},
    "clicked points of the wrong shape": {"points": [{"location": {"x": 1}}, 5]},
    "clicked points that are not a list": {"points": "28"},
    "an upload store with wrong-typed fields": {"codes": {"a": 1}, "values": "x", "file": 3},
}


def server_callbacks(dash_app) -> dict[str, dict]:
    """The callbacks the server runs, by key (clientside ones run in the browser)."""
    return {
        key: spec
        for key, spec in dash_app.callback_map.items()
        if "callback" in spec and DASH_ROUTER not in key
    }


def slot(dependency: dict) -> str:
    return f"{dependency['id']}.{dependency['property']}"


def first_output(key: str) -> str:
    """The first output of a callback's key (``..a.b...c.d..`` for several)."""
    return key.strip(".").split("...")[0]


def body(key: str, spec: dict, values: dict[str, object], trigger: str) -> dict:
    """What the browser posts for the callback ``key``: each input and State's value from
    ``values`` (by id.property), fired by the input ``trigger``."""
    outputs = spec["output"]
    return {
        "output": key,
        "outputs": (
            [output.to_dict() for output in outputs]
            if isinstance(outputs, list)
            else outputs.to_dict()
        ),
        "inputs": [{**dep, "value": values.get(slot(dep))} for dep in spec["inputs"]],
        "changedPropIds": [trigger],
        "state": [{**dep, "value": values.get(slot(dep))} for dep in spec["state"]],
    }


def server_errors(client, key: str, spec: dict, valid: dict, forged: set[str]) -> list[str]:
    """The cases answered with a 5xx: each hostile value in the ``forged`` slots (all of them
    at once), the others ``valid``. A forged input fires the callback itself; a forged State
    (or every value) meets each input that can fire it."""
    failures = []
    inputs = [slot(dep) for dep in spec["inputs"]]
    triggers = sorted(forged) if len(forged) == 1 and forged <= set(inputs) else inputs
    for name, value in HOSTILE.items():
        values = {**valid, **dict.fromkeys(forged, value)}
        for trigger in triggers:
            response = client.post("/_dash-update-component", json=body(key, spec, values, trigger))
            if response.status_code >= 500:
                where = ", ".join(sorted(forged)) if len(forged) == 1 else "every value"
                failures.append(f"{first_output(key)} | {where} = {name} | fired by {trigger}")
    return failures


@pytest.fixture()
def valid(dash_app) -> dict[str, object]:
    """:data:`VALID`, with the geometry of the regions' map as the one the page draws (the
    Carte then answers with a small patch, as it does for most changes in real use)."""
    context = dash_app.server.extensions[EXTENSION_KEY]
    return {**VALID, "geometry-key.data": context.geometry_url("regions")}


def test_every_input_and_state_has_a_valid_example(dash_app):
    """A new callback gets its valid values here, so that its hostile ones are tried too."""
    missing = {
        slot(dep)
        for spec in server_callbacks(dash_app).values()
        for dep in (*spec["inputs"], *spec["state"])
    } - set(VALID)
    assert not missing


def test_valid_examples_are_answered(client, dash_app, valid):
    """Each one gets past the callback's early exits: the hostile values meet its code."""
    for key, spec in server_callbacks(dash_app).items():
        for trigger in (slot(dep) for dep in spec["inputs"]):
            response = client.post("/_dash-update-component", json=body(key, spec, valid, trigger))
            assert response.status_code == 200, (key, trigger, response.status_code)


def test_each_forged_value_is_answered_without_a_server_error(client, dash_app, valid):
    failures = [
        failure
        for key, spec in server_callbacks(dash_app).items()
        for name in (slot(dep) for dep in (*spec["inputs"], *spec["state"]))
        for failure in server_errors(client, key, spec, valid, {name})
    ]
    assert not failures, "\n".join(failures)


def test_every_value_forged_at_once_is_answered_without_a_server_error(client, dash_app, valid):
    failures = [
        failure
        for key, spec in server_callbacks(dash_app).items()
        for failure in server_errors(
            client, key, spec, valid, {slot(dep) for dep in (*spec["inputs"], *spec["state"])}
        )
    ]
    assert not failures, "\n".join(failures)


# Dash's own code: the lead's request guard (dashboard/server/request_guards.py) answers for it


@pytest.mark.parametrize("pathname", [None, 12, ["/"], {"x": 1}, "region/28", "<script>"])
def test_the_pages_router_refuses_a_forged_pathname(client, dash_app, pathname):
    (key,) = [key for key in dash_app.callback_map if DASH_ROUTER in key]
    values = {"_pages_location.pathname": pathname, "_pages_location.search": ""}
    request = body(key, dash_app.callback_map[key], values, "_pages_location.pathname")
    response = client.post("/_dash-update-component", json=request)
    assert response.status_code == 400
    assert "pathname" in response.get_data(as_text=True)


def test_a_clientside_callback_posted_to_the_server_is_a_client_error(client, dash_app):
    clientside = {k: s for k, s in dash_app.callback_map.items() if "callback" not in s}
    statuses = {
        key: client.post(
            "/_dash-update-component", json=body(key, spec, {}, slot(spec["inputs"][0]))
        ).status_code
        for key, spec in clientside.items()
    }
    assert clientside and all(400 <= status < 500 for status in statuses.values()), statuses
