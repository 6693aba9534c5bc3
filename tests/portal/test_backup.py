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


def _backup(tmp_path, capsys):
    call_command("backup", to=str(tmp_path / "backups"))
    return Path(capsys.readouterr().out.strip().splitlines()[-1])


def _bad_day(settings):
    """What a restore would overwrite: a changed row and a changed file."""
    Institution.objects.filter(slug="boernehuset-valhalla").update(phone="99 99 99 99")
    (Path(settings.MEDIA_ROOT) / "ny.pdf").write_bytes(b"%PDF-1.4 efter kopien")


def _nothing_changed(settings):
    assert Institution.objects.get(slug="boernehuset-valhalla").phone == "99 99 99 99"
    assert (Path(settings.MEDIA_ROOT) / "ny.pdf").read_bytes() == b"%PDF-1.4 efter kopien"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_copy_without_tables_and_changes_nothing(
    tmp_path, settings, capsys
):
    """A backup of an empty database (cron without the production environment) wiped every
    table and reported success."""
    import sqlite3

    from django.core.management.base import CommandError
    from django.db import connection

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_seed", verbosity=0)
    folder = _backup(tmp_path, capsys)
    dump = next(folder.glob("database.*"))
    dump.unlink()
    if connection.vendor == "sqlite":
        sqlite3.connect(dump).close()
    else:
        dump.write_bytes(b"")
    _bad_day(settings)
    with pytest.raises(CommandError, match="intet er genskabt|kan ikke"):
        call_command("restore", str(folder))
    _nothing_changed(settings)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_cut_off_media_archive_and_changes_nothing(tmp_path, settings, capsys):
    """A media archive cut short (a backup that crashed, a copy broken off) replaced the
    database, deleted the media folder and then crashed with a traceback."""
    import os

    from django.core.management.base import CommandError

    settings.MEDIA_ROOT = tmp_path / "media"
    report = Path(settings.MEDIA_ROOT) / "tilsyn" / "rapport.pdf"
    report.parent.mkdir(parents=True)
    original = os.urandom(200_000)  # incompressible: the archive is this big
    report.write_bytes(original)
    call_command("load_seed", verbosity=0)
    folder = _backup(tmp_path, capsys)
    archive = folder / "media.tar.gz"
    archive.write_bytes(archive.read_bytes()[:100_000])
    _bad_day(settings)
    with pytest.raises(CommandError, match="kan ikke læses til ende"):
        call_command("restore", str(folder))
    _nothing_changed(settings)
    assert report.read_bytes() == original
    assert sorted(p.name for p in Path(settings.MEDIA_ROOT).iterdir()) == ["ny.pdf", "tilsyn"]


@pytest.mark.django_db(transaction=True)
def test_restore_into_a_media_root_that_is_a_symlink_keeps_the_link(tmp_path, settings, capsys):
    """MEDIA_ROOT as a symlink to (or the mount point of) a data volume: its content is
    replaced, the link itself stays."""
    volume = tmp_path / "volume"
    volume.mkdir()
    link = tmp_path / "media"
    link.symlink_to(volume, target_is_directory=True)
    settings.MEDIA_ROOT = link
    (volume / "a.pdf").write_bytes(b"%PDF-1.4 gammel")
    call_command("load_seed", verbosity=0)
    folder = _backup(tmp_path, capsys)
    (volume / "a.pdf").write_bytes(b"%PDF-1.4 ny")
    _bad_day(settings)

    call_command("restore", str(folder))
    assert link.is_symlink()
    assert sorted(p.name for p in volume.iterdir()) == ["a.pdf"]
    assert (volume / "a.pdf").read_bytes() == b"%PDF-1.4 gammel"
    assert Institution.objects.get(slug="boernehuset-valhalla").phone != "99 99 99 99"


@pytest.mark.django_db(transaction=True)
def test_backup_to_an_unusable_folder_is_a_danish_message(tmp_path, settings):
    from django.core.management.base import CommandError

    settings.MEDIA_ROOT = tmp_path / "media"
    blocker = tmp_path / "ikke-en-mappe"
    blocker.write_text("x")
    with pytest.raises(CommandError, match="Sikkerhedskopien kan ikke lægges i"):
        call_command("backup", to=str(blocker / "backups"))


@pytest.mark.django_db(transaction=True)
def test_backup_leaves_the_mode_of_an_existing_folder_alone(tmp_path, settings, capsys):
    """BACKUP_DIR=/srv/backups, read by an off-site copy job as another user: only each
    backup's own folder is 0700."""
    import stat

    settings.MEDIA_ROOT = tmp_path / "media"
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o750)
    call_command("backup", to=str(shared))
    folder = Path(capsys.readouterr().out.strip())
    assert stat.S_IMODE(shared.stat().st_mode) == 0o750
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_backup_refuses_an_empty_unmigrated_database(tmp_path):
    """Cron without the production environment runs with the development settings and an
    empty SQLite file: it said nothing and wrote a 'backup' that restores to nothing."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ballerup_portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tom.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", "--to", str(tmp_path / "backups")],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "ingen django_migrations" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "backups").exists()


def _pg_run(url, monkeypatch, program="pg_dump"):
    """The command line and environment ``pg_command`` runs for ``DATABASE_URL=url``."""
    import subprocess

    import dj_database_url

    from operations import backups

    seen = {}

    def fake_run(command, env, **kwargs):
        seen["command"], seen["env"] = command, env
        return subprocess.CompletedProcess(command, 0, "", "")

    class Connection:
        settings_dict = dj_database_url.parse(url)

    monkeypatch.setattr(backups, "connection", Connection())
    monkeypatch.setattr(backups.subprocess, "run", fake_run)
    for name in ("PGHOST", "PGUSER", "PGSSLMODE", "PGSSLROOTCERT"):
        monkeypatch.delenv(name, raising=False)
    backups.pg_command(program, "--format=custom")
    return seen


def test_pg_dump_connects_like_the_portal_over_the_unix_socket(monkeypatch):
    """DATABASE_URL=postgres:///ballerup (the socket, peer authentication as the service
    user) was dumped over TCP to localhost as the role postgres."""
    seen = _pg_run("postgres:///ballerup", monkeypatch)
    assert seen["command"] == ["pg_dump", "--dbname=ballerup", "--format=custom"]
    assert "PGHOST" not in seen["env"] and "PGUSER" not in seen["env"]


def test_pg_dump_and_restore_keep_the_ssl_options_of_database_url(monkeypatch):
    url = (
        "postgres://ballerup:pw@db.internal:5433/ballerup"
        "?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"
    )
    for program in ("pg_dump", "pg_restore"):
        seen = _pg_run(url, monkeypatch, program)
        assert seen["command"][:2] == [program, "--dbname=ballerup"]
        env = seen["env"]
        assert (env["PGHOST"], env["PGPORT"], env["PGUSER"]) == ("db.internal", "5433", "ballerup")
        assert env["PGPASSWORD"] == "pw" and "pw" not in " ".join(seen["command"])
        assert (env["PGSSLMODE"], env["PGSSLROOTCERT"]) == ("verify-full", "/etc/ssl/ca.pem")


def test_a_missing_pg_dump_is_a_danish_message(monkeypatch):
    """cron's PATH may lack the PostgreSQL tools: that was a FileNotFoundError traceback."""
    import dj_database_url
    from django.core.management.base import CommandError

    from operations import backups

    class Connection:
        settings_dict = dj_database_url.parse("postgres://u:p@h:5432/d")

    monkeypatch.setattr(backups, "connection", Connection())
    monkeypatch.setenv("PATH", "/findes-ikke")
    with pytest.raises(CommandError, match="pg_dump findes ikke"):
        backups.pg_command("pg_dump", "--format=custom")


@pytest.mark.parametrize("target", [["backup"], ["restore", "FROM=var/backups/x"]])
def test_make_backup_and_restore_use_the_installed_venv_without_the_dev_dependencies(target):
    """Production's .venv is installed from requirements.lock: `make backup` (the nightly
    job) installed the development dependencies into it first."""
    import subprocess

    from django.conf import settings

    assert (settings.BASE_DIR / ".venv" / "bin" / "python").exists()
    result = subprocess.run(
        ["make", "-n", *target], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    assert "pip install" not in result.stdout and "requirements-dev" not in result.stdout
    assert f".venv/bin/python manage.py {target[0]}" in result.stdout
