"""The dashboard's data context, loaded once for every test of the dashboard's pure parts."""

import pytest


@pytest.fixture(scope="session")
def context(settings):
    from dashboard.core.context import DataContext, load_context

    loaded = load_context(settings)
    assert isinstance(loaded, DataContext), loaded
    return loaded


@pytest.fixture()
def empty_response_cache(dash_app):
    """A cold response cache: this test's export is rendered, not read from another test's."""
    from dashboard.exports.cache import CACHE_EXTENSION

    cache = dash_app.server.extensions[CACHE_EXTENSION]
    cache.clear()
    return cache
