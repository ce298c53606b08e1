"""Bounds for a database that is down or hangs: the probe gives up in time, and a
connection past its deadline has its socket shut so the waiting query fails."""

import time

import pytest
from django.db import OperationalError, connection, connections

from twente.core import db


def point_default_database_at(monkeypatch, port):
    settings = {**connections.settings["default"], "HOST": "127.0.0.1", "PORT": str(port)}
    monkeypatch.setitem(connections.settings, "default", settings)


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a network database: PostgreSQL only"
)


@pytest.mark.django_db
def test_the_probe_sees_a_database_that_answers():
    assert db.database_answers(2)


@needs_postgresql
@pytest.mark.django_db
def test_the_probe_gives_up_on_a_database_that_is_down(monkeypatch, closed_port):
    point_default_database_at(monkeypatch, closed_port)
    assert not db.database_answers(2)


@needs_postgresql
@pytest.mark.django_db
def test_the_probe_gives_up_in_time_on_a_database_that_never_answers(monkeypatch, silent_server):
    point_default_database_at(monkeypatch, silent_server)
    start = time.monotonic()
    assert not db.database_answers(1)
    assert time.monotonic() - start < 1.5


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_query_past_its_deadline_fails_instead_of_waiting():
    """pg_sleep stands in for a server that stopped answering mid-query: the watchdog
    shuts the socket and the query fails with OperationalError at once."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (sleeper,) = cursor.fetchone()
    start = time.monotonic()
    try:
        with pytest.raises(OperationalError), db.deadline(0.5), connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        assert time.monotonic() - start < 2
    finally:
        connection.close()
    with connection.cursor() as cursor:  # a new connection: recovered by itself
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
        # The server would sleep on until it next wrote to the shut socket, holding back
        # VACUUM for the tests that follow: end it.
        cursor.execute("SELECT pg_terminate_backend(%s)", [sleeper])
