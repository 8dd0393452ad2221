"""The kaleido renderer: lazy start, restart after the browser dies, clear failures, no hang."""

import os
import signal
import time

import pytest

from dashboard.exports.renderer import Renderer, RenderOptions, RenderUnavailable

TINY = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {}}
PNG = RenderOptions("png", 320, 240, 1.0)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture()
def renderer(chromium):
    own = Renderer(chromium)
    yield own
    own.stop()


def test_nothing_starts_before_the_first_render(renderer):
    assert renderer.browser_pid() is None and renderer.starts == 0


def test_a_dead_browser_is_restarted_and_the_render_retried(renderer):
    assert renderer.render(TINY, PNG).startswith(PNG_SIGNATURE)
    pid = renderer.browser_pid()
    os.killpg(pid, signal.SIGKILL)  # the wrapper kaleido starts Chromium in, and Chromium
    time.sleep(0.5)
    assert renderer.render(TINY, PNG).startswith(PNG_SIGNATURE)
    assert renderer.starts == 2 and renderer.browser_pid() != pid


def test_a_missing_browser_fails_at_once_with_its_path():
    missing = Renderer("/nonexistent/chromium")
    started = time.perf_counter()
    with pytest.raises(RenderUnavailable, match="/nonexistent/chromium"):
        missing.render(TINY, PNG)
    assert time.perf_counter() - started < 5


def test_an_unknown_format_is_refused_before_rendering(renderer):
    with pytest.raises(ValueError, match="unknown image format"):
        renderer.render(TINY, RenderOptions("gif", 320, 240, 1.0))
    assert renderer.starts == 0
