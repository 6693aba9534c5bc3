"""Uploads in object storage (S3 through django-storages when AWS_STORAGE_BUCKET_NAME is
set) are in the backup and come back with a restore: `make backup` reported success with
an empty media archive, and the uploads were silently left out.

The storage here is Django's InMemoryStorage, a real storage that is not MEDIA_ROOT's
folder: backup and restore go through the same Storage API as with S3."""

import io
import os
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.core.management import call_command
from django.core.management.base import CommandError

NESTED = "tilsyn/2026/rapport-æøå.pdf"
BIG = "tilsyn/stor.pdf"


def in_memory(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    storage = storages["default"]
    assert isinstance(storage, InMemoryStorage)
    return storage


def on_disk(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return storages["default"]


def put(storage, name, content):
    assert storage.save(name, ContentFile(content)) == name


def read(storage, name):
    with storage.open(name, "rb") as file:
        return file.read()


def every_file(storage, folder=""):
    folders, files = storage.listdir(folder)
    names = {f"{folder}/{name}".lstrip("/") for name in files}
    for name in folders:
        names |= every_file(storage, f"{folder}/{name}".lstrip("/"))
    return names


def backup(tmp_path, capsys):
    call_command("backup", to=str(tmp_path / "backups"))
    return Path(capsys.readouterr().out.strip().splitlines()[-1])


@pytest.fixture
def uploads(settings, tmp_path):
    """The default storage in memory, with a nested file under a Danish name, a file of
    several megabytes (streamed in chunks both ways) and one at the root."""
    settings.MEDIA_ROOT = tmp_path / "media"
    storage = in_memory(settings)
    files = {
        NESTED: b"%PDF-1.7 tilsynsrapport for B\xc3\xb8rnehuset",
        BIG: os.urandom(3 * 1024 * 1024 + 17),
        "forside.txt": "Velkommen i Ballerup ✓".encode(),
    }
    for name, content in files.items():
        put(storage, name, content)
    return storage, files


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_every_file_of_the_storage(uploads, tmp_path, capsys):
    storage, files = uploads
    folder = backup(tmp_path, capsys)
    with tarfile.open(folder / "media.tar.gz", "r:gz") as tar:
        archived = {
            member.name: tar.extractfile(member).read() for member in tar if member.isfile()
        }
    assert archived == files
    assert not Path(tmp_path / "media").exists() or not any((tmp_path / "media").iterdir())


@pytest.mark.django_db(transaction=True)
def test_a_restore_gives_back_every_file_of_the_storage_and_removes_the_others(
    uploads, tmp_path, capsys
):
    storage, files = uploads
    folder = backup(tmp_path, capsys)

    # Then a bad day: a report lost, a file changed, files added that the backup has not.
    storage.delete(NESTED)
    storage.delete("forside.txt")
    put(storage, "forside.txt", b"overskrevet")
    put(storage, "fremmed/ny-æøå.pdf", b"%PDF-1.4 efter kopien")
    put(storage, "tilsyn/2026/senere.pdf", b"%PDF-1.4 efter kopien")

    call_command("restore", str(folder))
    assert every_file(storage) == set(files)
    for name, content in files.items():
        assert read(storage, name) == content, name
    assert not storage.exists("fremmed/ny-æøå.pdf")
    assert not storage.exists("tilsyn/2026/senere.pdf")


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_an_emptied_storage_gives_back_every_file(uploads, tmp_path, capsys):
    """A new, empty bucket: everything comes back from the backup alone."""
    storage, files = uploads
    folder = backup(tmp_path, capsys)
    for name in files:
        storage.delete(name)
    assert every_file(storage) == set()

    call_command("restore", str(folder))
    assert {name: read(storage, name) for name in every_file(storage)} == files


def cut_in_half(archive):
    return archive[: len(archive) // 2]


def wrong_checksum(archive):
    """A flipped byte in the gzip trailer's CRC-32: every tar entry reads, but the data
    is not what was written."""
    damaged = bytearray(archive)
    damaged[-6] ^= 0xFF
    return bytes(damaged)


def a_name_outside_the_storage(archive):
    out = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as intact,
        tarfile.open(fileobj=out, mode="w:gz") as damaged,
    ):
        for member in intact:
            damaged.addfile(member, intact.extractfile(member))
        member = tarfile.TarInfo("../uden-for.pdf")
        member.size = 3
        damaged.addfile(member, io.BytesIO(b"abc"))
    return out.getvalue()


@pytest.mark.parametrize("damage", [cut_in_half, wrong_checksum, a_name_outside_the_storage])
@pytest.mark.django_db(transaction=True)
def test_a_damaged_media_archive_changes_nothing_in_the_storage_or_the_database(
    uploads, tmp_path, capsys, damage
):
    storage, files = uploads
    folder = backup(tmp_path, capsys)
    archive = folder / "media.tar.gz"
    intact = archive.read_bytes()
    archive.write_bytes(damage(intact))

    storage.delete(NESTED)
    put(storage, "fremmed.pdf", b"%PDF-1.4 efter kopien")
    get_user_model().objects.create_user("efter-kopien")
    with pytest.raises(CommandError, match="intet er genskabt"):
        call_command("restore", str(folder))
    assert every_file(storage) == {BIG, "forside.txt", "fremmed.pdf"}
    assert read(storage, BIG) == files[BIG]
    assert get_user_model().objects.filter(username="efter-kopien").exists()

    # The same backup, undamaged, restores.
    archive.write_bytes(intact)
    call_command("restore", str(folder))
    assert {name: read(storage, name) for name in every_file(storage)} == files
    assert not get_user_model().objects.filter(username="efter-kopien").exists()


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_media_root_restores_into_object_storage_and_back(settings, tmp_path, capsys):
    """The archive has one format: a backup taken before the move to S3 restores into
    the bucket, and one taken from the bucket into MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    disk = on_disk(settings)
    put(disk, NESTED, b"%PDF-1.7 fra disken")
    from_disk = backup(tmp_path, capsys)

    storage = in_memory(settings)
    put(storage, "fremmed.pdf", b"x")
    call_command("restore", str(from_disk))
    assert every_file(storage) == {NESTED}
    assert read(storage, NESTED) == b"%PDF-1.7 fra disken"

    storage.delete(NESTED)
    put(storage, NESTED, b"%PDF-1.7 fra lageret")
    from_storage = backup(tmp_path, capsys)
    disk = on_disk(settings)
    call_command("restore", str(from_storage))
    assert (Path(settings.MEDIA_ROOT) / NESTED).read_bytes() == b"%PDF-1.7 fra lageret"
    assert every_file(disk) == {NESTED}


class NeverOverwritingStorage(InMemoryStorage):
    """A storage that keeps every version: a save always gets a new name."""

    def get_available_name(self, name, max_length=None):
        return self.get_alternative_name(*os.path.splitext(name))


@pytest.mark.django_db(transaction=True)
def test_a_storage_that_saves_under_another_name_is_an_error(settings, tmp_path, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    storage = in_memory(settings)
    put(storage, "rapport.pdf", b"%PDF-1.7")
    folder = backup(tmp_path, capsys)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.NeverOverwritingStorage"},
    }
    with pytest.raises(CommandError, match="Lageret gemte rapport.pdf som rapport_"):
        call_command("restore", str(folder))


@pytest.mark.django_db(transaction=True)
def test_a_media_folder_archive_with_a_wrong_checksum_changes_nothing(settings, tmp_path, capsys):
    """MEDIA_ROOT's own restore unpacked such an archive and swapped it in: tar does not
    read on to the gzip trailer, where the checksum is."""
    settings.MEDIA_ROOT = tmp_path / "media"
    report = Path(settings.MEDIA_ROOT) / NESTED
    report.parent.mkdir(parents=True)
    report.write_bytes(os.urandom(100_000))
    folder = backup(tmp_path, capsys)
    archive = folder / "media.tar.gz"
    archive.write_bytes(wrong_checksum(archive.read_bytes()))
    report.write_bytes(b"efter kopien")
    with pytest.raises(CommandError, match="kan ikke læses til ende"):
        call_command("restore", str(folder))
    assert report.read_bytes() == b"efter kopien"
    assert sorted(p.name for p in Path(settings.MEDIA_ROOT).iterdir()) == ["tilsyn"]


@pytest.mark.django_db(transaction=True)
def test_a_local_storage_outside_media_root_is_backed_up_through_the_storage(
    settings, tmp_path, capsys
):
    """A FileSystemStorage whose folder is not MEDIA_ROOT (and not made yet): its files
    are the uploads, not MEDIA_ROOT's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "lager")},
        },
    }
    storage = storages["default"]
    empty = backup(tmp_path, capsys)
    put(storage, NESTED, b"%PDF-1.7 i lageret")
    full = backup(tmp_path, capsys)
    put(storage, "fremmed.pdf", b"x")

    call_command("restore", str(empty))
    assert every_file(storage) == set()
    call_command("restore", str(full))
    assert every_file(storage) == {NESTED}
    assert (tmp_path / "lager" / NESTED).read_bytes() == b"%PDF-1.7 i lageret"
