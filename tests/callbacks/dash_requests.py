"""Callbacks called as the browser calls them: a POST to Dash's update endpoint."""

from dashboard.core.state import AppState


def post_callback(client, dash_app, output: str, inputs: dict, states: dict):
    """POST a callback by (one of) its output id.prop, with input and state values by id."""
    (key,) = [key for key in dash_app.callback_map if output in outputs_of(key)]
    spec = dash_app.callback_map[key]
    body = {
        "output": key,
        "outputs": (
            [item.to_dict() for item in spec["output"]]
            if isinstance(spec["output"], list)
            else spec["output"].to_dict()
        ),
        "inputs": [{**dep, "value": inputs.get(dep["id"])} for dep in spec["inputs"]],
        "changedPropIds": [f"{dep['id']}.{dep['property']}" for dep in spec["inputs"]],
        "state": [{**dep, "value": states.get(dep["id"])} for dep in spec["state"]],
    }
    return client.post("/_dash-update-component", json=body)


def outputs_of(key: str) -> list[str]:
    """The ``id.prop`` outputs of a callback's key in Dash's map (``..a.b...c.d..`` for several;
    an output another callback also writes ends in ``@`` and a hash, and is not matched)."""
    return key.strip(".").split("...")


def carte_update_body(
    dash_app, values: dict | None = None, stores: dict | None = None, changed: str = "actor"
) -> dict:
    """The body the browser posts to redraw the Carte: the default view's filter values and
    stores, with ``values`` (inputs by component id) and ``stores`` (states by id) replacing
    theirs; ``changed`` is the input that fired."""
    (key,) = [key for key in dash_app.callback_map if "..map.figure..." in key]
    spec = dash_app.callback_map[key]
    state = AppState().model_dump(mode="json")
    values = {**state, "fragility": "ensemble", **(values or {})}
    stores = {"carte-state": state, "geometry-key": None, **(stores or {})}
    return {
        "output": key,
        "outputs": [output.to_dict() for output in spec["output"]],
        "inputs": [{**dep, "value": values.get(dep["id"])} for dep in spec["inputs"]],
        "changedPropIds": [
            f"{dep['id']}.{dep['property']}" for dep in spec["inputs"] if dep["id"] == changed
        ],
        "state": [{**dep, "value": stores.get(dep["id"])} for dep in spec["state"]],
    }


def callback_ids(dash_app, output: str, kind: str = "inputs") -> list[str]:
    """The component ids of a callback's inputs (or ``"state"``), by one of its output id.prop."""
    (key,) = [key for key in dash_app.callback_map if output in key]
    return [dependency["id"] for dependency in dash_app.callback_map[key][kind]]


def page_layout_body(dash_app, pathname: str, search: str) -> dict:
    """What the browser posts to get the layout of the page at ``pathname`` + ``search``
    (Dash's pages callback, which calls the page's ``layout`` with the query's values)."""
    (key,) = [key for key in dash_app.callback_map if "_pages_content.children" in key]
    spec = dash_app.callback_map[key]
    return {
        "output": key,
        "outputs": [output.to_dict() for output in spec["output"]],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
