"""/.well-known/security.txt as RFC 9116 asks, its contact from DJANGO_SECURITY_CONTACT."""

import datetime

import pytest


def fields(response):
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_names_the_contact_and_the_required_fields(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@example.nl"
    response = client.get("/.well-known/security.txt", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == "mailto:security@example.nl"
    assert found["Preferred-Languages"] == "nl, en, de"
    assert found["Canonical"] == "https://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(found["Expires"])
    now = datetime.datetime.now(datetime.UTC)
    assert now < expires < now + datetime.timedelta(days=365)


def test_without_a_contact_there_is_no_security_txt(client, settings):
    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404


@pytest.mark.parametrize("contact", ["security@example.nl", "http://example.nl/security"])
def test_a_contact_that_is_not_a_mailto_or_https_uri_is_refused_at_start(contact):
    from tests.twente.test_settings import import_settings

    result = import_settings(DJANGO_DEBUG="1", DJANGO_SECURITY_CONTACT=contact)
    assert result.returncode != 0
    assert "DJANGO_SECURITY_CONTACT must be a mailto: or https:// URI" in result.stderr
