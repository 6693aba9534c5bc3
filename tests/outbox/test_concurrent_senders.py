"""Two send_notifications runs at once (a slow run still busy when the timer starts the
next): every mail goes out exactly once. On PostgreSQL the claims use FOR UPDATE SKIP
LOCKED (two threads here); on SQLite the writes are serialised (two processes on a
database file, as in production: the in-memory test database cannot wait for a lock)."""

import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

import outbox
from outbox import sending
from outbox.models import Mail

# Real processes and parallel connections: the system tier.
pytestmark = pytest.mark.system

MAILS = 30


def manage(*args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "ballerup_portal.settings.dev", **env}
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finished(process):
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


def threads_on_postgresql():
    for number in range(MAILS):
        outbox.enqueue(key=f"k{number}", to=f"a{number}@example.dk", subject="Emne", text="T")
    errors = []
    start = threading.Barrier(2)

    def run():
        try:
            start.wait()
            sending.send_due(batch_size=3)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert not Mail.objects.filter(sent_at__isnull=True).exists()
    return [message.to[0] for message in mail.outbox]


def processes_on_sqlite(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    finished(manage("migrate", "--noinput", **env))
    enqueue = (
        "import outbox\n"
        f"for n in range({MAILS}):\n"
        "    outbox.enqueue(key=f'k{n}', to=f'a{n}@example.dk', subject='Emne', text='T')\n"
    )
    finished(manage("shell", "-c", enqueue, **env))
    runs = [
        manage(
            "send_notifications",
            "--batch-size",
            "3",
            EMAIL_FILE_PATH=str(tmp_path / f"m{n}"),
            **env,
        )  # fmt: skip
        for n in range(2)
    ]
    for run in runs:
        finished(run)
    recipients = []
    for folder in (tmp_path / "m0", tmp_path / "m1"):
        for path in folder.glob("*") if folder.exists() else []:
            recipients += [
                line.split(": ", 1)[1] for line in path.read_text().splitlines()
                if line.startswith("To: ")
            ]  # fmt: skip
    return recipients


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_every_mail_exactly_once(tmp_path):
    if connection.vendor == "postgresql":
        recipients = threads_on_postgresql()
    else:
        recipients = processes_on_sqlite(tmp_path)
    assert sorted(recipients) == sorted(f"a{number}@example.dk" for number in range(MAILS))
