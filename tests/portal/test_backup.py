"""A backup and a restore give back every row (history included) and every file."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from districts.models import Institution


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.system
@pytest.mark.django_db(transaction=True)
def test_a_backup_round_trip_keeps_every_row_and_every_file(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_seed", verbosity=0)
    call_command("create_demo", verbosity=0)
    house = Institution.objects.get(slug="boernehuset-valhalla")
    house.phone = "44 77 00 00"
    house.save()
    report = Path(settings.MEDIA_ROOT) / "tilsyn" / "backup-test-valhalla-2026.pdf"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_bytes(b"%PDF-1.7 en rapport")
    before = row_counts()
    assert before["districts.HistoricalInstitution"] > 29

    call_command("backup", to=str(tmp_path / "backups"))
    folder = Path(capsys.readouterr().out.strip())

    # Then a bad day: houses deleted, a file lost, a stray file added.
    Institution.objects.all().delete()
    report.unlink()
    (Path(settings.MEDIA_ROOT) / "fremmed.txt").write_text("x")
    assert row_counts() != before

    call_command("restore", str(folder))
    assert row_counts() == before
    assert Institution.objects.get(slug="boernehuset-valhalla").phone == "44 77 00 00"
    assert report.read_bytes() == b"%PDF-1.7 en rapport"
    assert not (Path(settings.MEDIA_ROOT) / "fremmed.txt").exists()


def test_restore_refuses_a_folder_that_is_no_backup(tmp_path, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="er ikke en sikkerhedskopi"):
        call_command("restore", str(tmp_path))


@pytest.mark.django_db(transaction=True)
def test_a_restore_starts_a_new_content_version_so_no_page_from_before_is_served(
    tmp_path, settings, client, capsys
):
    """With REDIS_URL the cache outlives the database: pages kept before a restore were
    served as hits for up to a day."""
    from districts.models import District
    from pages.models import SiteSettings
    from tests.caching.test_page_cache import REDIS, redis_caches

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PAGE_CACHE_ENABLED = True
    redis_caches(settings, REDIS)
    call_command("load_seed", verbosity=0)
    call_command("backup", to=str(tmp_path / "backups"))
    folder = Path(capsys.readouterr().out.strip())

    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp efter kopien"
    district.save()
    SiteSettings.objects.update_or_create(pk=1, defaults={"phone": "11 22 33 44"})
    client.get("/distrikter/baltorp/")
    kept = client.get("/distrikter/baltorp/")
    assert kept.headers["X-Page-Cache"] == "hit" and "Baltorp efter kopien" in kept.text
    assert "11 22 33 44" in kept.text

    call_command("restore", str(folder))
    page = client.get("/distrikter/baltorp/")
    assert "X-Page-Cache" not in page.headers
    assert "Baltorp efter kopien" not in page.text and "Distrikt Baltorp" in page.text
    assert "11 22 33 44" not in page.text
    from django.core.cache import caches

    caches["default"].clear()


@pytest.mark.django_db(transaction=True)
def test_a_backup_is_readable_by_its_owner_only(tmp_path, settings, capsys):
    """The dump holds password hashes, two-factor keys and sessions."""
    import os
    import stat

    settings.MEDIA_ROOT = tmp_path / "media"
    old = os.umask(0o022)  # the usual umask: files 0644, folders 0755
    try:
        call_command("backup", to=str(tmp_path / "backups"))
    finally:
        os.umask(old)
    folder = Path(capsys.readouterr().out.strip())
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert {path.name for path in files} >= {"media.tar.gz"} and len(files) == 2
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
