"""Database helpers: accent folding for search, and bounds for a database that fails.

PostgreSQL has `unaccent()` (installed by twente's first migration). SQLite does not,
so the same function is registered on every SQLite connection: queries can then use
`Func(F("name_en"), function="unaccent")` on both databases, and "Munster" finds
Münster everywhere.
"""

import os
import socket
import threading
import time
import unicodedata
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.backends.signals import connection_created

# Letters that do not decompose into a base letter plus accents (as PostgreSQL's
# unaccent rules also spell them out).
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
    }
)


def fold_accents(value):
    """Text without diacritics ("Münster" → "Munster", "Straße" → "Strasse")."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value).translate(_SPECIAL))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, fold_accents, deterministic=True)


def connect_signals():
    connection_created.connect(register_sqlite_functions, dispatch_uid="twente-sqlite-unaccent")


# --- a database that is down or hangs ---------------------------------------------------
#
# PostgreSQL's own statement_timeout cannot help when the server stops answering
# altogether (stopped processes, a network that drops packets): the query waits on
# the socket forever. Two client-side bounds cover that: `database_answers` checks the
# database from a separate thread and gives up after its timeout (for /healthz), and
# `deadline` shuts the socket of a connection whose request outlives its time, so the
# waiting query fails at once with an OperationalError (answered with a 503) and
# Django replaces the broken connection on the next request.

DATABASE_ERRORS = (OperationalError, InterfaceError)


def database_answers(timeout, alias=DEFAULT_DB_ALIAS):
    """Whether the database answers one cheap query within `timeout` seconds.

    The query runs on a connection of its own in a separate thread, so neither a
    connection attempt nor a query that hangs can keep the caller waiting; the
    thread itself ends soon after (its connection has a deadline too)."""
    outcome = []

    def probe():
        probe_connection = connections.create_connection(alias)
        try:
            with deadline(timeout + 1, wrapper=probe_connection), probe_connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                outcome.append(cursor.fetchone() == (1,))
        except Exception:  # any failure means: not answering
            outcome.append(False)
        finally:
            probe_connection.close()

    thread = threading.Thread(target=probe, name="database-probe", daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(outcome and outcome[0])


class _Watchdog:
    """One thread that shuts the socket of every connection past its deadline."""

    TICK = 0.2

    def __init__(self):
        self._deadlines = {}
        self._lock = threading.Lock()
        self._thread = None

    @contextmanager
    def deadline(self, seconds, alias=DEFAULT_DB_ALIAS, wrapper=None):
        """Within this block, the connection (the thread's own for `alias`, or
        `wrapper`) has its socket shut once `seconds` have passed."""
        if not seconds:
            yield
            return
        key = object()
        with self._lock:
            self._deadlines[key] = (time.monotonic() + seconds, wrapper or connections[alias])
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="database-watchdog", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._deadlines.pop(key, None)

    def _run(self):
        while True:
            time.sleep(self.TICK)
            now = time.monotonic()
            with self._lock:
                expired = [key for key, (when, _wrapper) in self._deadlines.items() if when <= now]
                wrappers = [self._deadlines.pop(key)[1] for key in expired]
            for wrapper in wrappers:
                shut_socket(wrapper)


def shut_socket(wrapper):
    """Shut down the network socket under a PostgreSQL connection (another thread may
    be waiting on it: its wait ends with an error instead of never)."""
    raw = getattr(wrapper, "connection", None)
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        return  # not PostgreSQL, or not connected
    try:
        duplicate = socket.socket(fileno=os.dup(pgconn.socket))
    except Exception:  # the connection closed meanwhile
        return
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


deadline = _Watchdog().deadline
