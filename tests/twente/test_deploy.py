"""Production settings as the README's deploy section sets them: Django's deployment
check reports nothing, and the session, cookie and HSTS settings are what the issue
asks for without any further variable."""

import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.twente.test_settings import ROOT

# The README's production environment (deploy section), with test values.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "portal.example.nl",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.example.nl",
    "DJANGO_BEHIND_PROXY": "1",
    "DJANGO_SECURITY_CONTACT": "mailto:security@example.nl",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run(args, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    env.update(PRODUCTION_ENV, **extra)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def production_settings(*names, **extra):
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'twente.settings'; "
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {list(names)!r}}}))"
    )
    result = run(["-c", code], **extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_deployment_check_reports_nothing():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_staff_sessions_end_with_the_browser_and_after_eight_hours_with_secure_cookies():
    found = production_settings(
        "SESSION_COOKIE_AGE",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
    )
    assert found == {
        "SESSION_COOKIE_AGE": 8 * 3600,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
    }


def test_the_session_lifetime_is_configurable():
    assert production_settings("SESSION_COOKIE_AGE", DJANGO_SESSION_HOURS="2") == {"SESSION_COOKIE_AGE": 7200}


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            {},
            {
                "SECURE_HSTS_SECONDS": 31536000,
                "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
                "SECURE_HSTS_PRELOAD": False,
            },
        ),
        ({"DJANGO_HSTS_PRELOAD": "1"}, {"SECURE_HSTS_PRELOAD": True}),
        ({"DJANGO_HSTS_SECONDS": "0"}, {"SECURE_HSTS_SECONDS": 0}),
    ],
    ids=["default", "preload", "plain-http-test"],
)
def test_hsts_is_on_for_a_year_by_default_and_configurable(extra, expected):
    assert production_settings(*expected, **extra) == expected
