"""What ``manage.py backup`` and ``restore`` share: file names, the storage of the
uploaded files, and the PostgreSQL tools."""

import os
import posixpath
import re
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import connection

# media.tar.gz: the uploaded files, named relative to the storage's root. The same
# format whether they come from MEDIA_ROOT or from object storage, so that a restore
# reads either kind into either kind of storage.
MEDIA_ARCHIVE = "media"


def database_vendor():
    """The portal's database, one of those ``backup`` and ``restore`` know."""
    if connection.vendor not in ("postgresql", "sqlite"):
        raise CommandError(f"Ukendt database: {connection.vendor}")
    return connection.vendor


def object_storage():
    """The storage of the uploaded files when they are not simply the files in
    ``MEDIA_ROOT`` (S3 through django-storages when AWS_STORAGE_BUCKET_NAME is set, or
    any other storage): backup and restore then go through Django's Storage API. None for
    a FileSystemStorage at ``MEDIA_ROOT``, whose folder is archived as it is."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage) and (
        Path(storage.location).resolve() == Path(settings.MEDIA_ROOT).resolve()
    ):
        return None
    return storage


def storage_files(storage, folder=""):
    """The name of every file in ``storage`` (under ``folder``), folder by folder; none
    in a local storage whose folder is not made yet."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        if folder:
            raise
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from storage_files(storage, posixpath.join(folder, name))


def dump_file(folder):
    suffix = "dump" if connection.vendor == "postgresql" else "sqlite3"
    return folder / f"database.{suffix}"


# libpq connection options (DATABASE_URL's query string, in OPTIONS) and the environment
# variable pg_dump/pg_restore read each from. Not "options": the portal's statement
# timeout must not cut a long dump short.
PG_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "sslnegotiation": "PGSSLNEGOTIATION",
    "channel_binding": "PGCHANNELBINDING",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "gssencmode": "PGGSSENCMODE",
    "krbsrvname": "PGKRBSRVNAME",
    "application_name": "PGAPPNAME",
}


def pg_environment(params):
    """The environment for ``pg_dump``/``pg_restore``: the portal's own connection, as
    libpq's PG* variables. What DATABASE_URL leaves out (no host: the Unix socket; no
    user: the operating-system user) is left to libpq's defaults, as for the portal."""
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"), ("NAME", "PGDATABASE"),
    ):  # fmt: skip
        if params.get(key):
            env[variable] = str(params[key])
    for option, value in (params.get("OPTIONS") or {}).items():
        if option in PG_OPTION_VARIABLES and value not in (None, ""):
            env[PG_OPTION_VARIABLES[option]] = str(value)
    return env


def pg_command(program, *args):
    """Run ``pg_dump``/``pg_restore`` against the portal's database, with its connection
    and credentials in the environment rather than on the command line."""
    params = connection.settings_dict
    # --dbname also for pg_restore: without it, it writes SQL to stdout instead.
    run_tool([program, f"--dbname={params['NAME']}", *args], pg_environment(params))


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
