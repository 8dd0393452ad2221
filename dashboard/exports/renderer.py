"""Plotly figures to PNG or SVG bytes with kaleido and Debian's Chromium, one browser per process.

The browser starts on the first render (after gunicorn's fork, so each worker has its own),
stays warm (about 0.3 s a slide instead of 3 s with a cold start), renders one image at a time
(a lock: gthread workers serve several requests at once and a kaleido browser is not safe for
concurrent callers), and is restarted when it died or stopped answering, with one retry.

kaleido's own ``start_sync_server`` is not used: when its browser fails to start, its thread
dies and every later call waits forever; here each step has a timeout. A daemon thread runs an
asyncio loop holding one ``kaleido.Kaleido`` (one tab); callers wait on futures.

The browser is Debian's ``/usr/bin/chromium`` (the one the browser tests use), given to
kaleido by path, so kaleido never looks for, nor downloads, another one. MathJax is off and
plotly.js comes from the installed plotly package, so a render fetches nothing from the network
(the base topology of ``geo`` maps is ``assets/topojson/``, given as a file URI).
"""

from __future__ import annotations

import asyncio
import atexit
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

import kaleido
from choreographer.channels import ChannelClosedError
from kaleido.errors import BrowserClosedError, BrowserFailedError, JavascriptError, KaleidoError

from phare.errors import PhareError
from phare.settings import PROJECT_ROOT, load_settings

TOPOJSON_URI = (PROJECT_ROOT / "assets" / "topojson").as_uri() + "/"
FORMATS = ("png", "svg")
START_TIMEOUT_S = 30.0
RENDER_TIMEOUT_S = 40.0  # a whole-France commune map: 5 s warm on 2 idle cores, 14 s busy
WAIT_TIMEOUT_S = 45.0  # how long a request waits for the renderer to be free
CLOSE_TIMEOUT_S = 10.0
# The figure is at fault (the browser is fine): no restart, no retry.
FIGURE_ERRORS = (JavascriptError, KaleidoError, ValueError, TypeError)
# The browser is gone: restart it and try once more.
BROWSER_LOST = (BrowserClosedError, BrowserFailedError, ChannelClosedError)


class RenderUnavailable(PhareError):
    """An image could not be rendered: no browser, it failed twice, timed out, or was busy."""


@dataclass(frozen=True)
class RenderOptions:
    """kaleido's options: the figure's layout size and the scale giving the output pixels."""

    format: str
    width: int
    height: int
    scale: float

    def as_kaleido(self) -> dict:
        return {
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "scale": self.scale,
        }


class Renderer:
    """One browser, started lazily, used by one caller at a time, restarted when it dies."""

    def __init__(
        self,
        browser: Path | str | None = None,
        topojson: str = TOPOJSON_URI,
        *,
        render_timeout: float = RENDER_TIMEOUT_S,
        wait_timeout: float = WAIT_TIMEOUT_S,
    ) -> None:
        self._browser = browser  # None: the PHARE_CHROMIUM setting, read when a browser starts
        self.topojson = topojson
        self.render_timeout = render_timeout
        self.wait_timeout = wait_timeout
        self.starts = 0  # browsers started by this renderer in this process (restarts show)
        self._lock = threading.Lock()
        self._session: _Session | None = None

    def render(self, figure: dict, options: RenderOptions) -> bytes:
        """The image bytes of ``figure`` (a plotly figure as a dict); raises
        :class:`RenderUnavailable` with the reason when it cannot."""
        if options.format not in FORMATS:
            raise ValueError(f"unknown image format {options.format!r}; known: {FORMATS}")
        if not self._lock.acquire(timeout=self.wait_timeout):
            raise RenderUnavailable("le moteur de rendu est occupé ; réessayez dans un instant")
        try:
            return self._render_with_retry(figure, options)
        finally:
            self._lock.release()

    def stop(self) -> None:
        """Close the browser (it starts again on the next render)."""
        with self._lock:
            self._close_session()

    def browser(self) -> str:
        """The Chromium this renderer starts."""
        return str(self._browser or load_settings().chromium)

    def browser_pid(self) -> int | None:
        """The process id of the running browser's process group (tests kill it)."""
        session = self._session
        return None if session is None else session.kaleido.subprocess.pid

    def _render_with_retry(self, figure: dict, options: RenderOptions) -> bytes:
        """A browser that died is restarted and the render tried once more; one that timed out
        is restarted for the next request (a second wait would outlast the request)."""
        try:
            return self._current_session().render(figure, options, self.topojson)
        except FIGURE_ERRORS as problem:
            raise RenderUnavailable(_reason(problem)) from problem
        except Exception as problem:
            session = self._session
            lost = isinstance(problem, BROWSER_LOST) or (
                session is not None and not session.alive()
            )
            self._close_session()
            if not lost:
                raise RenderUnavailable(_reason(problem)) from problem
        try:
            return self._current_session().render(figure, options, self.topojson)
        except Exception as problem:
            self._close_session()
            raise RenderUnavailable(_reason(problem)) from problem

    def _current_session(self) -> _Session:
        session = self._session
        if session is not None and session.pid != os.getpid():
            self._session = session = None  # inherited through a fork: its thread is not here
        if session is not None and not session.alive():
            self._close_session()
            session = None
        if session is None:
            session = _Session.start(self.browser(), self.render_timeout)
            self._session = session
            self.starts += 1
        return session

    def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is not None and session.pid == os.getpid():
            session.close()


class _Session:
    """A running browser: its asyncio loop thread and its ``kaleido.Kaleido``."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        thread: threading.Thread,
        browser: kaleido.Kaleido,
        render_timeout: float,
    ) -> None:
        self.loop, self.thread, self.kaleido = loop, thread, browser
        self.render_timeout = render_timeout
        self.pid = os.getpid()

    @classmethod
    def start(cls, browser: str, render_timeout: float) -> _Session:
        if not Path(browser).exists():
            raise RenderUnavailable(f"navigateur introuvable : {browser} (paquet Debian chromium)")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido", daemon=True)
        thread.start()
        opened: list[kaleido.Kaleido] = []
        future = asyncio.run_coroutine_threadsafe(_open(browser, render_timeout, opened), loop)
        try:
            browser_session = future.result(START_TIMEOUT_S)
        except BaseException:
            future.cancel()
            if opened and hasattr(opened[0], "subprocess"):  # started, then failed or hung
                _kill(opened[0].subprocess)
            _stop_loop(loop, thread)
            raise
        return cls(loop, thread, browser_session, render_timeout)

    def alive(self) -> bool:
        return self.thread.is_alive() and self.kaleido.subprocess.poll() is None

    def render(self, figure: dict, options: RenderOptions, topojson: str) -> bytes:
        coroutine = self.kaleido.calc_fig(figure, options.as_kaleido(), topojson=topojson)
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        try:
            return future.result(self.render_timeout + 5)  # kaleido's own timeout comes first
        except TimeoutError:
            future.cancel()
            raise

    def close(self) -> None:
        try:
            future = asyncio.run_coroutine_threadsafe(self.kaleido.close(), self.loop)
            future.result(CLOSE_TIMEOUT_S)
        except Exception:  # closing a dead or stuck browser: make sure it is gone
            _kill(self.kaleido.subprocess)
        finally:
            _stop_loop(self.loop, self.thread)


async def _open(
    browser: str, render_timeout: float, opened: list[kaleido.Kaleido]
) -> kaleido.Kaleido:
    """Created inside the loop's thread (its queues belong to that loop); put in ``opened``
    before it starts, so that a start that fails or hangs can still be killed."""
    renderer = kaleido.Kaleido(n=1, timeout=render_timeout, mathjax=False, path=browser)
    opened.append(renderer)
    await renderer.open()
    return renderer


def _stop_loop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(CLOSE_TIMEOUT_S)
    if not thread.is_alive():
        loop.close()


def _kill(process) -> None:
    """The browser's whole process group (the wrapper kaleido starts it in, and Chromium)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    try:
        process.wait(CLOSE_TIMEOUT_S)
    except Exception:  # a zombie we cannot reap is the OS's business now
        return


def _reason(problem: BaseException) -> str:
    text = str(problem) or type(problem).__name__
    if isinstance(problem, TimeoutError):  # concurrent.futures' too, since Python 3.11
        text = "le rendu a pris trop de temps"
    first = text.splitlines()[0] if text else type(problem).__name__
    return first[:300]


RENDERER = Renderer()  # the process's renderer; it starts nothing until the first render


@atexit.register
def _close_at_exit() -> None:
    RENDERER._close_session()
