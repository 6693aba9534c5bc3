"""What ``manage.py backup`` and ``restore`` share: file names and the PostgreSQL tools."""

import os
import subprocess

from django.core.management.base import CommandError
from django.db import connection

MEDIA_ARCHIVE = "media"


def dump_file(folder):
    suffix = "dump" if connection.vendor == "postgresql" else "sqlite3"
    return folder / f"database.{suffix}"


def pg_command(program, *args):
    """Run ``pg_dump``/``pg_restore`` against the portal's database, with its credentials
    in the environment rather than on the command line."""
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    command = [
        program,
        f"--host={params.get('HOST') or 'localhost'}",
        f"--port={params.get('PORT') or 5432}",
        f"--username={params.get('USER') or 'postgres'}",
        f"--dbname={params['NAME']}",
        *args,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandError(f"{program} fejlede: {result.stderr.strip()}")
