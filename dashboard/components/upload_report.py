"""What happened to the visitor's file: rows joined, rows set aside and why, line by line."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.text.i18n import t
from dashboard.upload.communes import CommuneValues

SHOWN_PROBLEMS = 20


def upload_report(result: CommuneValues | None, error: str | None, lang: str) -> list:
    """Plain text only: Dash escapes it, so a hostile cell cannot become markup."""
    if error is not None:
        return [dbc.Alert(error, color="danger", className="upload-error")]
    if result is None:
        return []
    errors = [p for p in result.problems if p.severity == "error"]
    summary = t("upload_summary", lang, file=result.file, good=len(result.values), bad=len(errors))
    listed = [html.Li(problem.describe(lang)) for problem in result.problems[:SHOWN_PROBLEMS]]
    more = len(result.problems) - SHOWN_PROBLEMS
    if more > 0:
        listed.append(html.Li(f"… (+{more})"))
    return [
        html.P(summary, className="upload-summary"),
        html.Ul(listed, className="upload-problems"),
    ]
