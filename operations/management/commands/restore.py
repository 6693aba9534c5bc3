"""Restore a backup made by ``manage.py backup``: the database and the uploaded files.

Everything in the database and the media folder is replaced by the backup's content, and
a new content version is stored: no page kept in the cache from before (in Redis, or a
worker's copy) is served again.

Nothing live is touched before the whole backup has been read: the database copy must
open and hold Django's ``django_migrations`` table (PostgreSQL: ``pg_restore --list``
reads the dump), and the media archive is unpacked to the end into a temporary folder
inside ``MEDIA_ROOT`` (and read on to the gzip's end, where its checksum is checked).
Only then is the database replaced and the media folder's content swapped for the
unpacked files; ``MEDIA_ROOT`` itself stays (it may be a symlink or a mount point).

When the uploaded files live in object storage (S3 through django-storages, see
``operations.backups.object_storage``), the media archive is instead read to its end
(the gzip checksum included) without unpacking it: every entry must be a file or a
folder, under a name the storage takes as it is. Only then is the database replaced and
each file of the archive written back through the Storage API under its own name (the
old file deleted first, so a storage that renames on a collision, S3 with
AWS_S3_FILE_OVERWRITE=False, keeps it; a storage that still saves under another name is
an error). After every file of the archive was written, the files in the storage that
are not in the archive are deleted: the storage then holds what the backup holds, as
the media folder does after a restore. A restore that stops half-way deletes nothing.
"""

import gzip
import posixpath
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.utils import validate_file_name
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from caching.version import new_content_version
from operations.backups import (
    MEDIA_ARCHIVE,
    database_vendor,
    dump_file,
    object_storage,
    pg_command,
    pg_dump_tables,
    storage_files,
)

TEMPORARY_PREFIX = ".genskabes-"
CHUNK = 1024 * 1024


def not_a_portal_database(path):
    return CommandError(
        f"{path} er ikke en kopi af portalens database (ingen django_migrations): "
        "intet er genskabt."
    )


def unreadable_archive(archive, error):
    return CommandError(f"{archive} kan ikke læses til ende ({error}): intet er genskabt.")


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
        raise not_a_portal_database(path)


def check_pg_dump(path):
    try:
        tables = pg_dump_tables(path)
    except CommandError as error:
        raise CommandError(f"{path} kan ikke læses ({error}): intet er genskabt.") from None
    if "django_migrations" not in tables:
        raise not_a_portal_database(path)


@contextmanager
def read_media_archive(archive):
    """The media archive, open as a tar; when the block is done with it, it is read on
    to the gzip's end, where gzip checks the length and CRC-32 of the whole: damage that
    leaves every tar entry readable is found too."""
    with gzip.open(archive) as stream, tarfile.open(fileobj=stream, mode="r:") as tar:
        yield tar
        while stream.read(CHUNK):
            pass


def unpack_media(archive, media):
    """Unpack ``archive`` to the end into a new temporary folder inside ``media`` (the
    same file system, so the swap is a rename); returns the folder. A damaged or cut-off
    archive is a CommandError and leaves ``media`` as it was."""
    media.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=media))
    try:
        with read_media_archive(archive) as tar:
            tar.extractall(unpacked, filter="data")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        shutil.rmtree(unpacked, ignore_errors=True)
        raise unreadable_archive(archive, error) from None
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


def archived_files(tar):
    """(name, member) of each file in the open media archive, the name as the storage
    gets it ("./tilsyn/a.pdf" from ``make_archive`` is "tilsyn/a.pdf"). An entry that is
    neither a file nor a folder, or a name that leaves the storage's root, is refused."""
    for member in tar:
        name = posixpath.normpath(member.name.replace("\\", "/"))
        if member.isdir():
            continue
        try:
            if not member.isfile():
                raise SuspiciousFileOperation("ikke en almindelig fil")
            if name == ".":
                raise SuspiciousFileOperation("intet navn")
            validate_file_name(name, allow_relative_path=True)
        except SuspiciousFileOperation as error:
            raise CommandError(
                f"Mediearkivet indeholder {member.name!r}, som ikke kan lægges i "
                f"lageret ({error}): intet er genskabt."
            ) from None
        yield name, member


def check_storage_archive(archive, storage):
    """Read ``archive`` to its end, the gzip checksum included, without writing anything;
    and list the storage's root, so that one that cannot be reached is found before the
    database is replaced. Returns the names of the archive's files."""
    try:
        next(storage_files(storage), None)
    except Exception as error:  # the storage's own errors (botocore, …): any of them
        raise CommandError(f"Lageret kan ikke læses ({error}): intet er genskabt.") from None
    names = set()
    try:
        with read_media_archive(archive) as tar:
            for name, member in archived_files(tar):
                with tar.extractfile(member) as data:
                    while data.read(CHUNK):
                        pass
                names.add(name)
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise unreadable_archive(archive, error) from None
    return names


def restore_storage(archive, storage, names):
    """Write every file of ``archive`` into ``storage`` under its archived name; then
    delete the storage's files that are not among ``names`` (the archive's)."""
    name = None
    try:
        with read_media_archive(archive) as tar:
            for name, member in archived_files(tar):
                storage.delete(name)
                with tar.extractfile(member) as data:
                    content = File(data, name)
                    content.size = member.size
                    saved = storage.save(name, content)
                if saved != name:
                    raise CommandError(
                        f"Lageret gemte {name} som {saved}: genskabelsen er standset. "
                        "Databasen er genskabt, filerne kun til og med denne; filer, som "
                        "ikke er i kopien, er ikke slettet. Ret lagerets indstillinger "
                        "(AWS_S3_FILE_OVERWRITE) og kør restore igen."
                    )
        name = None
        for name in [found for found in storage_files(storage) if found not in names]:
            storage.delete(name)
    except CommandError:
        raise
    except Exception as error:  # the storage's own errors (botocore, …): any of them
        where = f" ved {name}" if name else ""
        raise CommandError(
            f"Filerne kunne ikke lægges tilbage i lageret{where} ({error}): databasen er "
            "genskabt, filerne kun delvist. Kør restore igen."
        ) from error


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
        if database_vendor() == "postgresql":
            check_pg_dump(dump)
        else:
            check_sqlite_copy(dump)
        storage = object_storage()
        if storage is not None:
            names = check_storage_archive(archive, storage)
            self._restore_database(dump)
            restore_storage(archive, storage, names)
        else:
            self._restore_media_folder(dump, archive)
        # The restored rows are older than the pages kept: every one is out of date.
        new_content_version()
        self.stdout.write(f"Genskabt fra {folder}")

    def _restore_media_folder(self, dump, archive):
        media = Path(settings.MEDIA_ROOT)
        try:
            unpacked = unpack_media(archive, media)
        except OSError as error:
            raise CommandError(f"Mediemappen {media} kan ikke bruges: {error}") from None
        try:
            self._restore_database(dump)
        except BaseException:
            shutil.rmtree(unpacked, ignore_errors=True)
            raise
        swap_media(media, unpacked)

    def _restore_database(self, dump):
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
