"""A full backup: the database (every table, history included) and the uploaded files.

PostgreSQL is dumped with ``pg_dump`` in its custom format; the embedded SQLite database
is copied with SQLite's online backup API (consistent while the portal runs); the media
folder goes into a tar archive beside it. ``manage.py restore <folder>`` reads it back.

The dump holds password hashes, two-factor keys and sessions: every file is written
readable by its owner only (0600), in folders only the owner may enter (0700).
"""

import os
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from operations.backups import MEDIA_ARCHIVE, dump_file, pg_command


class Command(BaseCommand):
    help = "Tager en sikkerhedskopi af databasen og de uploadede filer."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            default=str(settings.BASE_DIR / "var" / "backups"),
            help="Mappen, sikkerhedskopien lægges i (en undermappe pr. kopi).",
        )

    def handle(self, *args, **options):
        # Nothing is ever readable by others, not even while it is being written.
        umask = os.umask(0o077)
        try:
            target = self._backup(Path(options["to"]))
        finally:
            os.umask(umask)
        self.stdout.write(str(target))

    def _backup(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        target = folder / timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        target.mkdir(mode=0o700)
        if connection.vendor == "postgresql":
            pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={dump_file(target)}")
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dump_file(target)) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            raise CommandError(f"Ukendt database: {connection.vendor}")
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        shutil.make_archive(str(target / MEDIA_ARCHIVE), "gztar", root_dir=media)
        for path in target.iterdir():
            path.chmod(0o600)
        return target
