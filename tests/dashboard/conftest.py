"""The dashboard's data context, loaded once for every test of the dashboard's pure parts."""

import pytest


@pytest.fixture(scope="session")
def context(settings):
    from dashboard.context import DataContext, load_context

    loaded = load_context(settings)
    assert isinstance(loaded, DataContext), loaded
    return loaded
