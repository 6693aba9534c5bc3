"""Restore a backup made by ``manage.py backup``: the database and the uploaded files.

Everything in the database and the media folder is replaced by the backup's content, and
a new content version is stored: no page kept in the cache from before (in Redis, or a
worker's copy) is served again.

Nothing live is touched before the whole backup has been read: the database copy must
open and hold Django's ``django_migrations`` table (PostgreSQL: ``pg_restore --list``
reads the dump), and the media archive is unpacked to the end into a temporary folder
inside ``MEDIA_ROOT``. Only then is the database replaced and the media folder's content
swapped for the unpacked files; ``MEDIA_ROOT`` itself stays (it may be a symlink or a
mount point).
"""

import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from caching.version import new_content_version
from operations.backups import MEDIA_ARCHIVE, dump_file, pg_command, pg_dump_tables

TEMPORARY_PREFIX = ".genskabes-"


def check_sqlite_copy(path):
    """The SQLite copy opens, is whole, and is a migrated portal database."""
    try:
        copy = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            whole = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
            migrated = (
                "django_migrations" in tables
                and copy.execute("SELECT COUNT(*) FROM django_migrations").fetchone()[0]
            )
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        raise CommandError(f"{path} kan ikke læses som en SQLite-database: {error}") from None
    if not whole:
        raise CommandError(f"{path} er beskadiget (SQLite quick_check fejlede).")
    if not migrated:
        raise CommandError(
            f"{path} er ikke en kopi af portalens database (ingen django_migrations): "
            "intet er genskabt."
        )


def check_pg_dump(path):
    try:
        tables = pg_dump_tables(path)
    except CommandError as error:
        raise CommandError(f"{path} kan ikke læses ({error}): intet er genskabt.") from None
    if "django_migrations" not in tables:
        raise CommandError(
            f"{path} er ikke en kopi af portalens database (ingen django_migrations): "
            "intet er genskabt."
        )


def unpack_media(archive, media):
    """Unpack ``archive`` to the end into a new temporary folder inside ``media`` (the
    same file system, so the swap is a rename); returns the folder. A damaged or cut-off
    archive is a CommandError and leaves ``media`` as it was."""
    media.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=media))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(unpacked, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        shutil.rmtree(unpacked, ignore_errors=True)
        raise CommandError(
            f"{archive} kan ikke læses til ende ({error}): intet er genskabt."
        ) from None
    return unpacked


def swap_media(media, unpacked):
    """Empty ``media`` (but not the folder itself) and move the unpacked files in."""
    for entry in media.iterdir():
        if entry == unpacked:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in unpacked.iterdir():
        entry.rename(media / entry.name)
    unpacked.rmdir()


class Command(BaseCommand):
    help = "Genskaber databasen og de uploadede filer fra en sikkerhedskopi."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="En mappe lavet af manage.py backup.")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        archive = folder / f"{MEDIA_ARCHIVE}.tar.gz"
        dump = dump_file(folder)
        if not (dump.is_file() and archive.is_file()):
            raise CommandError(f"{folder} er ikke en sikkerhedskopi fra manage.py backup.")
        # First read everything; nothing live is changed before the backup is whole.
        if connection.vendor == "postgresql":
            check_pg_dump(dump)
        elif connection.vendor == "sqlite":
            check_sqlite_copy(dump)
        else:
            raise CommandError(f"Ukendt database: {connection.vendor}")
        media = Path(settings.MEDIA_ROOT)
        try:
            unpacked = unpack_media(archive, media)
        except OSError as error:
            raise CommandError(f"Mediemappen {media} kan ikke bruges: {error}") from None
        try:
            if connection.vendor == "postgresql":
                connection.close()  # pg_restore drops the tables this connection may hold
                pg_command(
                    "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                    str(dump),
                )  # fmt: skip
            else:
                connection.ensure_connection()
                with sqlite3.connect(dump) as backup:
                    backup.backup(connection.connection)
                backup.close()
        except BaseException:
            shutil.rmtree(unpacked, ignore_errors=True)
            raise
        swap_media(media, unpacked)
        # The restored rows are older than the pages kept: every one is out of date.
        new_content_version()
        self.stdout.write(f"Genskabt fra {folder}")
