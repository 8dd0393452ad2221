"""The Procfile's web command on a loopback port, and the browser: how tests and benchmarks
run the real server and Chromium."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

from phare.settings import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; a browser is never downloaded
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
