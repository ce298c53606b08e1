"""Database helpers: accent folding for search, many ids as one parameter, several
aggregates in one query, counts of related rows, one writer at a time, and bounds for
a database that fails.

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
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager, suppress

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections
from django.db.backends.signals import connection_created
from django.db.models import BooleanField, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

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


def pk_in(model, ids):
    """The condition "primary key among `ids`", for hundreds or thousands of ids. On
    PostgreSQL it is one array parameter written as a literal: as `IN (...)`, building,
    quoting and sending a parameter per id took longer than the query (the map's 660
    project titles: 14 against 7 ms), and psycopg adapting a list checks each item."""
    if connection.vendor != "postgresql":
        return Q(pk__in=ids)
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    pk_type = model._meta.pk.db_type(connection)
    literal = "{" + ",".join(str(int(pk)) for pk in ids) + "}"
    # Identifiers from model metadata, quoted; the ids as one parameter.
    return RawSQL(f"{column} = ANY(%s::{pk_type}[])", [literal], output_field=BooleanField())  # noqa: S611


def aggregate_each(querysets, aggregate):
    """`aggregate` over each queryset of `querysets` ({label: queryset}), in one query:
    a UNION ALL of one unordered aggregate a queryset. Returns {label: value}."""
    parts = [
        queryset.order_by()
        .annotate(aggregate_label=Value(label))
        .values_list("aggregate_label")
        .annotate(aggregate_value=aggregate)
        for label, queryset in querysets.items()
    ]
    if not parts:
        return {}
    return dict(parts[0].union(*parts[1:], all=True).order_by())


def count_of(model, relation):
    """The number of rows of `model`'s reverse relation `relation` for each row, as a
    correlated subquery. Two `Count(..., distinct=True)` annotations join both
    relations at once, so every row is multiplied by the product of its related rows
    (2,000 partners with 27,000 participations and 20,000 contacts: 230 ms for a page
    of the admin list), and their GROUP BY keeps the count and the date hierarchy
    from leaving the annotation out."""
    field = model._meta.get_field(relation)
    related = field.related_model.objects.filter(**{field.field.name: OuterRef("pk")}).order_by()
    counted = related.values(field.field.name).annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def one_at_a_time(name, using=DEFAULT_DB_ALIAS):
    """Wait until no other transaction holds `name`, then hold it until this one ends:
    for a write that plans from what is stored and then writes, so that a second such
    write plans from the first one's result (PostgreSQL's transaction-level advisory
    lock; SQLite lets one transaction write at a time anyway). Call inside `atomic`."""
    database = connections[using]
    if database.vendor == "postgresql":
        with database.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])


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


class _Probe:
    """Checks the database from one long-lived thread per process, on a connection of
    its own that it keeps between checks: a check is then one round trip, not a new
    PostgreSQL backend per call (a load balancer polls /healthz often). The caller waits
    at most its timeout, however long a connection attempt or the query hangs; checks
    queued behind a hanging one give up without touching the database."""

    def __init__(self):
        self._lock = threading.Lock()
        self._executor = None
        self._pid = None
        self._connection = None
        self._connection_settings = None

    def _executor_of_this_process(self):
        # A forked worker (gunicorn) inherits no running thread: start its own.
        with self._lock:
            if self._executor is None or self._pid != os.getpid():
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database-probe")
                self._pid = os.getpid()
                self._connection = None
            return self._executor

    def answers(self, timeout, alias):
        submitted = time.monotonic()
        future = self._executor_of_this_process().submit(self._check, timeout, alias, submitted)
        try:
            return future.result(timeout)
        except FuturesTimeout:
            return False

    def _check(self, timeout, alias, submitted):
        if time.monotonic() - submitted >= timeout:
            return False  # its caller has given up already
        settings = dict(connections.settings[alias])
        if self._connection_settings != settings:
            self._close()
        kept = self._connection is not None
        if self._query(timeout, alias, settings):
            return True
        # A kept connection may have died with a restarted server: one fresh attempt.
        return kept and time.monotonic() - submitted < timeout and self._query(timeout, alias, settings)

    def _query(self, timeout, alias, settings):
        if self._connection is None:
            self._connection = connections.create_connection(alias)
            self._connection_settings = settings
        try:
            with deadline(timeout + 1, wrapper=self._connection), self._connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                return cursor.fetchone() == (1,)
        except Exception:  # any failure means: not answering
            self._close()
            return False

    def _close(self):
        if self._connection is not None:
            with suppress(Exception):
                self._connection.close()
        self._connection = None
        self._connection_settings = None


_probe = _Probe()


def database_answers(timeout, alias=DEFAULT_DB_ALIAS):
    """Whether the database answers one cheap query within `timeout` seconds."""
    return _probe.answers(timeout, alias)


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
