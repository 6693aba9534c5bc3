"""A full backup: the database (every table, history included) and the uploaded files.

PostgreSQL is dumped with ``pg_dump`` in its custom format; the embedded SQLite database
is copied with SQLite's online backup API (consistent while the portal runs); the media
folder goes into a tar archive beside it. ``manage.py restore <folder>`` reads it back.

The dump holds password hashes, two-factor keys and sessions: every file is written
readable by its owner only (0600), in folders only the owner may enter (0700); a folder
given with ``--to`` that already exists keeps its own mode (each backup's own folder is
0700).

A database without Django's ``django_migrations`` table is refused: it is an empty
database (say, cron run without the production environment, so with the development
settings' SQLite file), and a "backup" of it would restore to nothing.
"""

import os
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
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
        self._check_database()
        try:
            if not folder.is_dir():
                folder.mkdir(mode=0o700, parents=True)
            target = folder / timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            target.mkdir(mode=0o700)
        except OSError as error:
            raise CommandError(
                f"Sikkerhedskopien kan ikke lægges i {folder}: {error.strerror or error}"
            ) from None
        try:
            self._write(target)
        except BaseException:
            # A half-written backup must not look like one.
            shutil.rmtree(target, ignore_errors=True)
            raise
        return target

    def _check_database(self):
        try:
            tables = connection.introspection.table_names()
        except DatabaseError as error:
            raise CommandError(f"Databasen kan ikke læses: {error}") from None
        if "django_migrations" not in tables:
            raise CommandError(
                f"Databasen {connection.settings_dict['NAME']} er tom (ingen django_migrations):"
                " kører kommandoen uden produktionens miljø (DJANGO_SETTINGS_MODULE, "
                "DATABASE_URL fra .env)? Ingen sikkerhedskopi taget."
            )

    def _write(self, target):
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
        try:
            media.mkdir(parents=True, exist_ok=True)
            shutil.make_archive(str(target / MEDIA_ARCHIVE), "gztar", root_dir=media)
            for path in target.iterdir():
                path.chmod(0o600)
        except OSError as error:
            raise CommandError(f"Sikkerhedskopien i {target} kunne ikke skrives: {error}") from None
