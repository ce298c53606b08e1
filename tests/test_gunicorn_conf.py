"""The repo's gunicorn.conf.py is a valid gunicorn configuration with the values the
deploy section relies on, one pid file and control socket per instance."""

import gc
import runpy
from pathlib import Path

import pytest
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[1]


def load(monkeypatch, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn validates each value as it loads the file
    return config


def test_the_configuration_is_valid_and_bounded(monkeypatch):
    monkeypatch.delenv("RUNTIME_DIRECTORY", raising=False)
    config = load(monkeypatch, GUNICORN_WORKERS="3")
    assert config.workers == 3
    assert config.timeout == 60
    assert config.graceful_timeout == 30
    assert config.max_requests == 100_000
    assert config.max_requests_jitter == 10_000
    assert config.preload_app is True
    assert config.accesslog == "-"
    assert config.pidfile == str(ROOT / "run" / "gunicorn-8000.pid")


@pytest.mark.parametrize("bind", ["127.0.0.1:8001", "0.0.0.0:8002"])
def test_each_instance_has_its_own_pid_file_and_control_socket(monkeypatch, bind):
    config = load(monkeypatch, GUNICORN_BIND=bind, RUNTIME_DIRECTORY="/run/twente")
    port = bind.rsplit(":", 1)[1]
    assert config.pidfile == f"/run/twente/gunicorn-{port}.pid"
    assert config.settings["control_socket"].get() == f"/run/twente/gunicorn-{port}.ctl"


def test_the_code_loaded_in_the_master_is_frozen_before_each_fork(monkeypatch):
    config = load(monkeypatch)
    try:
        config.pre_fork(None, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
