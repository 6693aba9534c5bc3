"""Where mails go: files under var/mail/ on a local run, SMTP from the environment in
production."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

import outbox
from tests.portal.test_settings import production_env


def settings_of(module, **env):
    code = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH, s.EMAIL_HOST, s.EMAIL_PORT, "
        "s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, sep='|')"
    )
    # This test process's settings put dev's defaults into its environment: not passed on.
    environment = production_env(DJANGO_SETTINGS_MODULE=module, EMAIL_BACKEND=None, **env)
    if module.endswith(".dev"):
        for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
            environment.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1].split("|")


def test_a_local_run_writes_mails_to_var_mail():
    backend, path, *_ = settings_of("ballerup_portal.settings.dev")
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert path == str(settings.BASE_DIR / "var" / "mail")


def test_production_sends_through_the_smtp_server_from_the_environment():
    values = settings_of(
        "ballerup_portal.settings.prod",
        EMAIL_HOST="smtp.ballerup.example",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD="hemmelig",
        EMAIL_USE_TLS="1",
        DEFAULT_FROM_EMAIL="Børneportalen <noreply@ballerup.example>",
    )
    assert values == [
        "django.core.mail.backends.smtp.EmailBackend",
        values[1],
        "smtp.ballerup.example",
        "2525",
        "portal",
        "True",
        "Børneportalen <noreply@ballerup.example>",
    ]


@pytest.mark.django_db
def test_the_file_backend_writes_the_mail_to_the_folder(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    outbox.enqueue(key="k", to="a@example.dk", subject="Ny lukkedag", text="Fredag")
    call_command("send_notifications", verbosity=0)
    (written,) = tmp_path.iterdir()
    assert "Subject: Ny lukkedag" in written.read_text()
