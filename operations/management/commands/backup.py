"""A full backup: the database (every table, history included) and the uploaded files.

PostgreSQL is dumped with ``pg_dump`` in its custom format; the embedded SQLite database
is copied with SQLite's online backup API (consistent while the portal runs); the media
folder goes into a tar archive beside it. ``manage.py restore <folder>`` reads it back.

When the uploaded files are not in ``MEDIA_ROOT`` but in object storage (S3 through
django-storages, AWS_STORAGE_BUCKET_NAME), every file of the default storage goes into
the same archive, in the same layout, read through Django's Storage API (``listdir``,
``size``, ``open``) and streamed into the tar a block at a time: no file is held in
memory whole. A file that cannot be read fails the backup; none is left out silently.

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
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.utils import timezone

from operations.backups import (
    MEDIA_ARCHIVE,
    database_vendor,
    dump_file,
    object_storage,
    pg_command,
    storage_files,
)


def archive_storage(storage, archive):
    """Every file of ``storage`` into the gzip'd tar ``archive``, named as in the storage
    (the layout ``make_archive`` gives ``MEDIA_ROOT``). Each file is streamed: ``addfile``
    copies the storage's file object into the tar block by block."""
    now = time.time()
    name = None
    try:
        with tarfile.open(archive, "w:gz") as tar:
            for name in storage_files(storage):
                member = tarfile.TarInfo(name)
                member.size = storage.size(name)
                member.mtime = now
                member.mode = 0o644
                with storage.open(name, "rb") as file:
                    tar.addfile(member, file)
                    if file.read(1):
                        raise CommandError(
                            f"Filen {name} i lageret blev større, mens den blev kopieret: "
                            "ingen sikkerhedskopi taget. Prøv igen."
                        )
    except CommandError:
        raise
    except Exception as error:  # the storage's own errors (botocore, …): any of them
        where = f"filen {name} i lageret" if name else "lageret"
        raise CommandError(
            f"De uploadede filer kunne ikke kopieres ({where}: {error}): "
            "ingen sikkerhedskopi taget."
        ) from error


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
        if database_vendor() == "postgresql":
            pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={dump_file(target)}")
        else:
            connection.ensure_connection()
            with sqlite3.connect(dump_file(target)) as copy:
                connection.connection.backup(copy)
            copy.close()
        storage = object_storage()
        media = Path(settings.MEDIA_ROOT)
        try:
            if storage is None:
                media.mkdir(parents=True, exist_ok=True)
                shutil.make_archive(str(target / MEDIA_ARCHIVE), "gztar", root_dir=media)
            else:
                archive_storage(storage, target / f"{MEDIA_ARCHIVE}.tar.gz")
            for path in target.iterdir():
                path.chmod(0o600)
        except OSError as error:
            raise CommandError(f"Sikkerhedskopien i {target} kunne ikke skrives: {error}") from None
