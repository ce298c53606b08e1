import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch, the portal's default, whatever the last one did."""
    with translation.override("nl"):
        yield
