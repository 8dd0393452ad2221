"""App factory. ``dashboard.app:server`` is what gunicorn serves (see the Procfile).

Nothing is loaded at import: the data and geometry are read when the app is created (by
gunicorn's master, which then forks the workers), so tests can import every module without the
data.
"""

from __future__ import annotations

from pathlib import Path

import dash
from dash import Dash, html

from dashboard.exports.analyse import analysis_exports
from dashboard.exports.cache import install_cache
from dashboard.exports.charts import chart_exports
from dashboard.exports.csv import exports
from dashboard.exports.slides import images
from dashboard.server.headers import install_headers
from dashboard.server.live_release import serve_current_release
from dashboard.server.request_guards import install_request_guards
from dashboard.server.routes import blueprint
from dashboard.text.i18n import t
from dashboard.upload.decoding import MAX_UPLOAD_BYTES
from phare.settings import PROJECT_ROOT, Settings, load_settings

ASSETS = PROJECT_ROOT / "assets"
BOOTSTRAP_CSS = "/assets/vendor/bootstrap-5.3.8.min.css"
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES * 4 // 3 + 512 * 1024  # base64 of the largest upload + JSON


def create_app(settings: Settings | None = None) -> Dash:
    settings = settings or load_settings()
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=str(Path(__file__).resolve().parent / "pages"),
        assets_folder=str(ASSETS),
        assets_path_ignore=["vendor"],
        external_stylesheets=[BOOTSTRAP_CSS],
        external_scripts=["/assets/vendor/plotly-locale-fr-4.1.1.js"],  # Plotly's French locale
        serve_locally=True,
        compress=True,  # flask-compress: callback responses and assets travel gzip/brotli
        title=t("app_title"),
        update_title=None,
        # pages build parts of their layout from the URL (a region's gaps chart exists only on
        # a region's profile): Dash's start-up check would report those ids as missing
        suppress_callback_exceptions=True,
    )
    serve_current_release(app.server, settings)
    # An upload travels base64-encoded inside a callback request: cap the whole request.
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    install_cache(app.server, settings)
    app.server.register_blueprint(blueprint)
    app.server.register_blueprint(exports)
    app.server.register_blueprint(images)
    app.server.register_blueprint(analysis_exports)
    app.server.register_blueprint(chart_exports)
    app.layout = html.Div(dash.page_container)
    # importing a callbacks module registers its callbacks
    from callbacks import (  # noqa: F401
        analyse,
        carte,
        carte_fold,
        commune,
        comparer,
        france,
        region,
        sharing,
    )

    install_headers(app.server, settings.frame_ancestors, app.csp_hashes)
    install_request_guards(app)

    # Dash finishes its set-up on the first request and marks it done before doing it, so a
    # second thread of a fresh worker could serve a page without its scripts (plotly/dash#3971):
    # one request here, before the worker serves anyone.
    app.server.test_client().get("/healthz")
    return app


def __getattr__(name: str):
    """``server`` is created on first access, so importing this module loads nothing."""
    if name == "server":
        return create_app().server
    raise AttributeError(name)
