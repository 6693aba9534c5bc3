"""Restore a backup made by ``manage.py backup``: the database and the uploaded files.

Everything in the database and the media folder is replaced by the backup's content, and
a new content version is stored: no page kept in the cache from before (in Redis, or a
worker's copy) is served again.
"""

import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from caching.version import new_content_version
from operations.backups import MEDIA_ARCHIVE, dump_file, pg_command


class Command(BaseCommand):
    help = "Genskaber databasen og de uploadede filer fra en sikkerhedskopi."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="En mappe lavet af manage.py backup.")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        archive = folder / f"{MEDIA_ARCHIVE}.tar.gz"
        if not (dump_file(folder).is_file() and archive.is_file()):
            raise CommandError(f"{folder} er ikke en sikkerhedskopi fra manage.py backup.")
        if connection.vendor == "postgresql":
            connection.close()  # pg_restore drops the tables this connection may hold
            pg_command(
                "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                str(dump_file(folder)),
            )  # fmt: skip
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dump_file(folder)) as backup:
                backup.backup(connection.connection)
            backup.close()
        else:
            raise CommandError(f"Ukendt database: {connection.vendor}")
        media = Path(settings.MEDIA_ROOT)
        shutil.rmtree(media, ignore_errors=True)
        media.mkdir(parents=True)
        shutil.unpack_archive(archive, media)
        # The restored rows are older than the pages kept: every one is out of date.
        new_content_version()
        self.stdout.write(f"Genskabt fra {folder}")
