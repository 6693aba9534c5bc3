"""gunicorn.conf.py sizes the server from the CPUs it may use, and every value can be
set from the environment."""

import os
import runpy
from pathlib import Path

CONFIG = str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py")
VARIABLES = (
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_PRELOAD",
    "GUNICORN_BIND",
    "PORT",
)


def config(monkeypatch, cpus, **env):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)))
    return runpy.run_path(CONFIG)


def test_the_defaults_follow_the_cpus(monkeypatch):
    two = config(monkeypatch, cpus=2)
    assert (two["workers"], two["threads"]) == (5, 4)
    assert (two["timeout"], two["graceful_timeout"], two["keepalive"]) == (30, 30, 5)
    assert (two["max_requests"], two["max_requests_jitter"]) == (20000, 2000)
    assert two["preload_app"] is True
    assert two["bind"] == "127.0.0.1:8000"
    assert two["wsgi_app"] == "ballerup_portal.wsgi:application"
    assert config(monkeypatch, cpus=1)["workers"] == 3
    assert config(monkeypatch, cpus=64)["workers"] == 12  # never more than twelve


def test_every_value_can_be_set_from_the_environment(monkeypatch):
    values = config(
        monkeypatch,
        cpus=2,
        WEB_CONCURRENCY="7",
        GUNICORN_THREADS="8",
        GUNICORN_TIMEOUT="60",
        GUNICORN_MAX_REQUESTS="5000",
        GUNICORN_PRELOAD="0",
        PORT="9000",
    )
    assert (values["workers"], values["threads"], values["timeout"]) == (7, 8, 60)
    assert (values["max_requests"], values["max_requests_jitter"]) == (5000, 500)
    assert values["preload_app"] is False
    assert values["bind"] == "127.0.0.1:9000"


def test_no_proxy_may_set_the_script_name(monkeypatch):
    from gunicorn.config import Config

    values = config(monkeypatch, cpus=2)
    gunicorn = Config()
    gunicorn.set("forwarder_headers", values["forwarder_headers"])
    assert gunicorn.forwarder_headers == []


def test_preload_can_be_turned_off_in_any_usual_way(monkeypatch):
    """GUNICORN_PRELOAD=false/no/off left preloading on: only "0" turned it off."""
    import pytest

    for value in ("0", "false", "No", "off", "nej"):
        assert config(monkeypatch, cpus=2, GUNICORN_PRELOAD=value)["preload_app"] is False
    for value in ("1", "true", "yes", "on"):
        assert config(monkeypatch, cpus=2, GUNICORN_PRELOAD=value)["preload_app"] is True
    with pytest.raises(SystemExit, match="GUNICORN_PRELOAD skal være sand eller falsk"):
        config(monkeypatch, cpus=2, GUNICORN_PRELOAD="måske")


def test_a_bad_number_stops_gunicorn_with_a_danish_message(monkeypatch):
    """WEB_CONCURRENCY=auto was a ValueError traceback."""
    import pytest

    for name, value in (("WEB_CONCURRENCY", "auto"), ("GUNICORN_THREADS", "0")):
        with pytest.raises(SystemExit, match=f"Miljøvariablen {name} skal være et heltal"):
            config(monkeypatch, cpus=2, **{name: value})
