"""gunicorn settings for the Procfile and `make run` (the bind address comes from the command).

Each choice is backed by a figure of `make bench` / `make load` (README, "Serving"):

- **Threaded workers (gthread), 2 per core, 4 threads each.** A filter change costs the server
  about 8 ms and an export waits on Chromium, so a few threads per process serve concurrent
  readers; 50 readers replaying filter changes keep p95 under 300 ms on 2 cores.
  ``WEB_CONCURRENCY`` overrides the worker count, as on most PaaS.
- **Preloaded, with the loaded objects frozen out of the garbage collector.** A worker that
  loads the data itself holds about 330 MiB (PSS), over the 300 MB the project allows; loaded
  once in the master and shared copy-on-write, a worker adds about 135 MiB. ``gc.freeze()``
  keeps the collector from writing to (and so copying) the shared pages. Nothing that must not
  cross a fork is started while loading: Chromium (exports) starts on the first render, the
  Redis client connects on first use, in each worker. A new release still reaches every
  worker, preloaded or respawned: each checks the release pointer per request
  (:mod:`dashboard.server.live_release`).
- **Timeouts.** 60 s for a request (a cold slide of France's communes renders in about 5 s),
  30 s to finish requests on a restart.
- **Keep-alive 75 s**, longer than the idle timeout of common load balancers (60 s) and than a
  reader's pause between two filter changes: gunicorn closing an idle connection just as the
  client reuses it resets that request (`make load` saw it with 5 s).
- **Recycling.** ``max_requests`` 1000 with jitter 100 bounds any slow leak and keeps workers
  from restarting all at once.
- Request-line and header limits stay at gunicorn's safe defaults (4094 bytes, 100 fields of
  8190 bytes: over them, 400).
"""

import gc
import multiprocessing
import os

worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = 4
preload_app = True
timeout = 60
graceful_timeout = 30
keepalive = 75
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"


def when_ready(server) -> None:
    """In the master, once the app is loaded and before any worker is forked."""
    gc.collect()
    gc.freeze()
