"""Callbacks called as the browser calls them: a POST to Dash's update endpoint."""


def post_callback(client, dash_app, output: str, inputs: dict, states: dict):
    """POST a callback by (one of) its output id.prop, with input and state values by id."""
    (key,) = [key for key in dash_app.callback_map if output in key]
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
