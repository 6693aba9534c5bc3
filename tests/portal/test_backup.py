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
