"""Production settings: no silent fallbacks, and Django's deploy checks pass."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.system

PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "ballerup_portal.settings.prod",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-for-the-test-" + "y" * 20,
    "ALLOWED_HOSTS": "boern.ballerup.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "SITE_URL": "https://boern.ballerup.example",
    "DEFAULT_FROM_EMAIL": "Ballerup børneportal <noreply@ballerup.example>",
}


def production_env(**overrides):
    """This process's environment with production settings; ``None`` removes a variable."""
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for themselves; a server never has it.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in PROD_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(PROD_ENV)
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def manage(*args, **overrides):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=production_env(**overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL", "DEFAULT_FROM_EMAIL"]
)
def test_production_refuses_to_start_without(missing):
    result = manage("check", **{missing: None})
    assert result.returncode != 0
    assert f"Miljøvariablen {missing} skal være sat" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SITE_URL", "http://boern.ballerup.example", "SITE_URL skal være en adresse"),
        ("SITE_URL", "boern.ballerup.example", "SITE_URL skal være en adresse"),
        ("DEFAULT_FROM_EMAIL", "Ballerup <noreply@localhost>", "DEFAULT_FROM_EMAIL skal være"),
        ("DEFAULT_FROM_EMAIL", "noreply", "DEFAULT_FROM_EMAIL skal være"),
        ("ALLOWED_HOSTS", "boern.ballerup.example,*", "ALLOWED_HOSTS må ikke indeholde *"),
        ("TRUSTED_PROXY_COUNT", "-1", "TRUSTED_PROXY_COUNT skal være mindst 0"),
        ("WAS_URL", "http://www.was.digst.dk/boern", "WAS_URL skal være en adresse"),
        ("LOG_LEVEL", "snakkesalig", "LOG_LEVEL skal være en af"),
        ("MAX_PDF_UPLOAD_MB", "20MB", "MAX_PDF_UPLOAD_MB skal være et heltal"),
        ("MAX_PDF_UPLOAD_MB", "0", "MAX_PDF_UPLOAD_MB skal være mindst 1"),
        ("PDF_CHECK_SECONDS", "10s", "PDF_CHECK_SECONDS skal være et tal"),
        ("PDF_CHECK_MEMORY_MB", "512M", "PDF_CHECK_MEMORY_MB skal være et heltal"),
        ("PDF_MAX_PAGES", "300 sider", "PDF_MAX_PAGES skal være et heltal"),
        ("PDF_MAX_CONTENT_MB", "-5", "PDF_MAX_CONTENT_MB skal være mindst 1"),
        ("DATABASE_URL", "/srv/ballerup/db.sqlite3", "DATABASE_URL skal være en adresse med skema"),
    ],
)
def test_production_refuses_a_bad_value(name, value, message):
    """A mistyped value stops start-up with a Danish message naming the variable, instead
    of a server sending mails with links to http:// or from localhost."""
    result = manage("check", **{name: value})
    assert result.returncode != 0
    assert message in result.stderr, result.stderr


def production_setting(code, **env):
    result = manage("shell", "--no-imports", "-v0", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_log_level_may_be_written_in_any_case():
    assert (
        production_setting(
            "from django.conf import settings; print(settings.LOGGING['root']['level'])",
            LOG_LEVEL=" debug",
        )
        == "DEBUG"
    )


def test_the_options_in_database_url_are_kept():
    """?sslmode=verify-full&sslrootcert=... were dropped: libpq fell back to sslmode=prefer,
    no certificate check."""
    options = production_setting(
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; "
        "print(o['sslmode'], o['sslrootcert'], o['connect_timeout'], sep='|')",
        DATABASE_URL="postgres://u:p@db.internal:5432/d?sslmode=verify-full&sslrootcert=/ca.pem",
    )
    assert options == "verify-full|/ca.pem|5"
