import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_health_probe_answers_in_the_browser(page):
    response = page.goto("/healthz")
    assert response.status == 200
    assert "ok" in page.content()
    assert page.foreign_requests == []
