"""What ``manage.py backup`` and ``restore`` share: file names and the PostgreSQL tools."""

import os
import re
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
    run_tool(command, env)


def run_tool(command, env=None):
    """Run a PostgreSQL tool; a missing tool or a failure is a CommandError in Danish."""
    program = command[0]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise CommandError(
            f"{program} findes ikke: installer PostgreSQL-klientværktøjerne "
            "(Debian: postgresql-client) i samme hovedversion som serveren."
        ) from None
    if result.returncode != 0:
        raise CommandError(f"{program} fejlede: {result.stderr.strip()}")
    return result.stdout


def pg_dump_tables(path):
    """The names of the tables in a ``pg_dump`` custom-format file (``pg_restore --list``,
    which reads the whole table of contents without a database)."""
    listing = run_tool(["pg_restore", "--list", str(path)])
    return set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing, re.MULTILINE))
