"""The Procfile's web command on a loopback port, and the browser: how tests and benchmarks
run the real server and Chromium."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import requests

from phare.settings import PROJECT_ROOT, load_settings

CHROMIUM = load_settings().chromium  # PHARE_CHROMIUM: Debian's; a browser is never downloaded
# Headless with software WebGL (the commune maps), and nothing of its own on the network.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_command(port: int) -> list[str]:
    """The Procfile's ``web:`` line bound to ``127.0.0.1:port``, with this Python's gunicorn."""
    line = next(
        line
        for line in (PROJECT_ROOT / "Procfile").read_text().splitlines()
        if line.startswith("web:")
    )
    command = shlex.split(line.removeprefix("web:").replace("0.0.0.0:$PORT", f"127.0.0.1:{port}"))
    command[0] = str(Path(sys.executable).parent / command[0])
    return command


@contextmanager
def procfile_server(
    env: Mapping[str, str], log: Path, extra: Sequence[str] = ()
) -> Iterator[tuple[str, subprocess.Popen]]:
    """The Procfile's command (plus ``extra`` options) on a free loopback port with ``env`` as
    its environment, once ``/healthz`` answers: its base URL and its master process. The error
    log goes to the file ``log`` (a pipe could fill and block a long run). Stopped on exit."""
    port = free_port()
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [*procfile_command(port), *extra],
            cwd=PROJECT_ROOT,
            env=dict(env),
            stdout=subprocess.DEVNULL,  # the access log
            stderr=errors,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url, process, log)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=60)


def wait_until_up(url: str, process: subprocess.Popen, log: Path, attempts: int = 240) -> None:
    """Poll ``/healthz`` until it answers (the first worker is up), or raise with the log's end."""
    for _ in range(attempts):
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {log.read_text(errors='replace')[-2000:]}")
        with suppress(requests.RequestException):  # not listening yet, or a worker booting
            if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                return
        time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer on {url}")
