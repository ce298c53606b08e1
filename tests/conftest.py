import socket

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch, the portal's default, whatever the last one did."""
    with translation.override("nl"):
        yield


@pytest.fixture
def silent_server():
    """A socket that accepts connections and never answers (a database or cache that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield listener.getsockname()[1]
    listener.close()


@pytest.fixture
def closed_port():
    """A port nothing listens on (a database or cache that is down)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port
