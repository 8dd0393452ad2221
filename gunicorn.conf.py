"""gunicorn settings for the Procfile and `make run` (the bind address comes from the command).

Threaded workers (gthread): Dash callbacks are short and mostly wait on I/O between requests,
so a few threads per process serve concurrent readers without one process per connection.
Workers: 2 per core by default (WEB_CONCURRENCY overrides it, as on most PaaS). Each worker
loads the data itself after the fork (no preload), so a restart is all a new release needs.
"""

import multiprocessing
import os

worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = 4
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
