import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import twente.settings"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_a_missing_secret_key():
    result = import_settings(DJANGO_ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_refuse_missing_allowed_hosts():
    result = import_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_start_with_both():
    result = import_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode == 0, result.stderr


def test_development_needs_neither():
    assert import_settings(DJANGO_DEBUG="1").returncode == 0


@pytest.mark.django_db
def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_answers_head_and_refuses_other_methods(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
