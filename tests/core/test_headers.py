"""Security headers on every kind of response, the methods refused everywhere, and
a forged Host header logged as one warning."""

import logging

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

EXPECTED = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
CSP_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
)


def assert_security_headers(response):
    for name, value in EXPECTED.items():
        assert response[name] == value, name
    policy = [directive.strip() for directive in response["Content-Security-Policy"].split(";")]
    for directive in CSP_DIRECTIVES:
        assert directive in policy
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/", 200),
        ("/nl/projecten/", 200),
        ("/admin/login/", 200),
        ("/en/no-such-page/", 404),
        ("/static/css/portal.css", 200),
        ("/static/img/favicon.svg", 200),
    ],
    ids=["page", "list", "admin", "error-page", "stylesheet", "svg"],
)
def test_every_kind_of_response_carries_the_security_headers(client, path, status):
    if path.startswith("/static/"):
        assert finders.find(path.removeprefix("/static/")), path
    response = client.get(path, secure=True)
    assert response.status_code == status
    assert_security_headers(response)


def test_open_data_json_may_be_read_by_other_sites(client):
    response = client.get("/en/projects/?format=json", secure=True)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize(
    "path", ["/sitemap.xml", "/en/projects/feed/", "/en/", "/admin/", "/healthz", "/static/css/portal.css"]
)
def test_trace_is_refused_everywhere(client, path):
    response = client.generic("TRACE", path)
    assert response.status_code == 405


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/.well-known/security.txt"])
@pytest.mark.parametrize("method", ["head", "options"])
def test_probes_and_crawlers_may_send_head_and_options(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code in (200, 204)
    if method == "options":
        assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_a_forged_host_header_is_one_warning_without_a_traceback(client):
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append((record, self.format(record)))

    logger = logging.getLogger("django.security.DisallowedHost")
    handler = Collect()
    logger.addHandler(handler)
    try:
        response = client.get("/en/", HTTP_HOST="attacker.example")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 400
    assert len(records) == 1
    record, text = records[0]
    assert record.levelname == "WARNING"
    assert "attacker.example" in text
    assert "Traceback" not in text
