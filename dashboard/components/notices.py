from __future__ import annotations

import dash_bootstrap_components as dbc

from dashboard.core.state import Notice
from dashboard.text.i18n import t

NOTICE_TEXT = {
    "unknown": "notice_bad_value",
    "replaced": "notice_release_replaced",
    "not_applicable": "notice_not_applicable",
    "no_value": "notice_no_value",
}


def notices(items: list[Notice], lang: str) -> list:
    """One dismissable warning per URL parameter that was replaced by its default."""
    return [
        dbc.Alert(
            t(NOTICE_TEXT[n.kind], lang, name=n.name, value=n.value, default=n.default or "—"),
            color="warning",
            dismissable=True,
            className="url-notice",
        )
        for n in items
    ]
