"""Gunicorn settings for the portal in production (gunicorn reads this file from the
working directory; the README's deploy section runs `gunicorn twente.wsgi -c
gunicorn.conf.py`). Each value can be changed by a GUNICORN_* variable, so several
instances can run on one host, each with its own address, pid file and control socket.
"""

import gc
import multiprocessing
import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
_instance = bind.rsplit(":", 1)[-1].replace("/", "-")

# Sync workers: the portal's requests are short and database-bound. About 2 × cores + 1.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Longer than the longest request the portal allows itself (an admin import:
# DJANGO_DB_STAFF_REQUEST_TIMEOUT, 55 s), so the portal answers before gunicorn kills.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# On a restart or deploy, running requests get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Recycle each worker after about a hundred thousand requests (the jitter keeps them from
# all restarting at once), so memory a request left behind is given back. A worker serves
# cached pages at over a thousand a second: at ten thousand it restarted every few
# seconds under load, and each restart showed as a 170-460 ms stall in the slowest
# cached responses.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 10_000))
# Load Django once in the master: a new or recycled worker is a fork, ready at once,
# and the workers share the loaded code's memory. (No connection is opened at import,
# so none is shared between workers.)
preload_app = True


def pre_fork(server, worker):
    """Move what the master loaded (Django, the portal, the translations) to the garbage
    collector's permanent generation just before a worker is forked, as the gc module's
    documentation advises for a fork without exec: a worker's full collections no longer
    walk those objects (in process, one walked 140,000 of them in 70-86 ms; 26 ms with
    them frozen), and the memory pages holding them stay shared between workers."""
    gc.freeze()


# One pid file and one control socket per instance (systemd's RuntimeDirectory, else run/).
_run_dir = Path(os.environ.get("RUNTIME_DIRECTORY") or Path(__file__).resolve().parent / "run")
_run_dir.mkdir(parents=True, exist_ok=True)  # gunicorn writes the pid file before any hook
pidfile = os.environ.get("GUNICORN_PIDFILE", str(_run_dir / f"gunicorn-{_instance}.pid"))
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", str(_run_dir / f"gunicorn-{_instance}.ctl"))

# Access log and errors to standard output, for the journal or the container log.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client address as the proxy forwarded it, the time taken in microseconds.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'

# The TLS proxy on this host may set X-Forwarded-*; list others by address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Oversized request lines and headers are refused before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
