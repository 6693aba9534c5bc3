"""Uploading inspection reports in the admin: administrators only, every bad file refused
with a Danish message and nothing stored; the due overview."""

import datetime
import re
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from daycare.models import InspectionReport
from daycare.models.inspection import report_upload_to
from districts.models import Institution
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

from . import inspection_pdfs as pdfs
from .test_inspection_pdf import BAD_FILES

pytestmark = pytest.mark.usefixtures("demo")

ADD = "/admin/daycare/inspectionreport/add/"
LIST = "/admin/daycare/inspectionreport/"
DUE = "/admin/daycare/inspectionreport/oversigt/"


@pytest.fixture
def media(settings, tmp_path):
    """An empty MEDIA_ROOT for the test, to see what an upload leaves there."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def valhalla():
    return Institution.objects.get(slug="boernehuset-valhalla")


def upload(client, name, content, **fields):
    data = form_data(client.get(ADD))
    data.update(
        unit=str(valhalla().pk),
        visit_date="03.02.2026",
        summary="Børnene trives; sikkerheden er i orden.",
        published="on",
        **fields,
    )
    data["pdf"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(ADD, data)


def test_administrator_uploads_a_pdf(administrator, media):
    response = upload(administrator, "Rapport Valhalla.pdf", pdfs.plain_pdf())
    assert response.status_code == 302
    report = InspectionReport.objects.get(unit=valhalla(), visit_date=datetime.date(2026, 2, 3))
    assert report.uploaded_by.username == "admin"
    assert report.published and not report.is_demo
    # A server-made name: the unit's slug, the date, a random part; not the upload's name.
    assert report.pdf.name.startswith("tilsyn/boernehuset-valhalla-2026-02-03-")
    assert stored_files(media) == [report.pdf.name]


@pytest.mark.parametrize("case", [c for c in BAD_FILES if c not in ("sti", "kontroltegn")])
def test_bad_file_refused_and_nothing_stored(administrator, media, case):
    name, content, message = BAD_FILES[case]
    before = InspectionReport.objects.count()
    response = upload(administrator, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert InspectionReport.objects.count() == before
    assert stored_files(media) == []


def test_html_named_rapport_pdf_refused(administrator, media):
    response = upload(administrator, "rapport.pdf", b"<html><body>Hej</body></html>")
    assert "Filen er ikke en PDF-fil" in response.content.decode()
    assert stored_files(media) == []


def test_oversized_refused(administrator, media, settings):
    settings.MAX_PDF_UPLOAD_MB = 0.001
    response = upload(administrator, "rapport.pdf", pdfs.demo_pdf("Stor", ["x" * 80] * 30))
    assert "Filen er for stor" in response.content.decode()
    assert stored_files(media) == []


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\..\\x.pdf", "rap\x01port\r\n.pdf"])
def test_path_and_control_characters_in_name_never_reach_storage(administrator, media, name):
    """Django's multipart parser cuts an upload's name to its last part and drops
    unprintable characters before any code sees it; the stored name is the server's own
    either way (the validator itself refuses such names: test_inspection_pdf)."""
    response = upload(administrator, name, pdfs.plain_pdf())
    assert response.status_code == 302  # saved, under the server's own name
    files = stored_files(media)
    assert len(files) == 1
    assert all(f.startswith("tilsyn/boernehuset-valhalla-2026-02-03-") for f in files)
    assert not any(p.is_file() for p in media.parent.glob("passwd*"))


def test_a_long_upload_name_is_accepted_and_stored_under_the_servers_name(administrator, media):
    """The name a file was sent with is never stored, so its length is no reason to
    refuse it (it was: "Dette filnavn må højst have 200 tegn")."""
    name = "Tilsynsrapport for Børnehuset Valhalla, anmeldt tilsyn " + "x" * 190 + ".pdf"
    response = upload(administrator, name, pdfs.plain_pdf())
    assert response.status_code == 302
    report = InspectionReport.objects.get(unit=valhalla(), visit_date=datetime.date(2026, 2, 3))
    assert re.fullmatch(
        r"tilsyn/boernehuset-valhalla-2026-02-03-[0-9a-f]{16}\.pdf", report.pdf.name
    )
    assert stored_files(media) == [report.pdf.name]


def test_the_servers_name_fits_the_field_for_the_longest_unit_address():
    unit = valhalla()
    unit.slug = "x" * Institution._meta.get_field("slug").max_length
    report = InspectionReport(unit=unit, visit_date=datetime.date(2026, 2, 3))
    name = report_upload_to(report, "y" * 300 + ".pdf")
    assert name.startswith(f"tilsyn/{unit.slug}-2026-02-03-")
    assert len(name) <= InspectionReport._meta.get_field("pdf").max_length


def _report(media, **kwargs):
    report = InspectionReport(
        unit=valhalla(), visit_date=datetime.date(2026, 1, 5), summary="Kort.", published=True
    )
    report.pdf.save("x.pdf", ContentFile(pdfs.plain_pdf()), save=False)
    report.save()
    return report


def test_replacing_the_pdf_deletes_the_old_file(
    administrator, media, django_capture_on_commit_callbacks
):
    report = _report(media)
    old = report.pdf.name
    data = form_data(administrator.get(admin_url(report)))
    data["pdf"] = SimpleUploadedFile("ny.pdf", pdfs.plain_pdf("Ny"))
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(admin_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.pdf.name != old
    assert stored_files(media) == [report.pdf.name]


@pytest.mark.parametrize(
    "change",
    [{"summary": "Rettet resumé."}, {"published": None}],
    ids=["resumé", "ikke-offentliggjort"],
)
def test_a_report_with_a_file_is_edited_without_uploading_it_again(
    administrator, media, django_capture_on_commit_callbacks, change
):
    """Issue 20: the stored name (``tilsyn/…``) was checked like an upload's name."""
    report = _report(media)
    stored = report.pdf.name
    data = form_data(administrator.get(admin_url(report)))
    assert "pdf" not in data  # the browser sends no file
    for field, value in change.items():
        if value is None:
            data.pop(field, None)  # an unticked box is not sent
        else:
            data[field] = value
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(admin_url(report), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.summary == change.get("summary", "Kort.")
    assert report.published is ("published" not in change)
    assert report.pdf.name == stored
    assert stored_files(media) == [stored]
    if "published" in change:  # a report published by mistake is gone at once
        assert Client().get(report.get_absolute_url()).status_code == 404


def test_a_stalling_upload_leaves_no_temporary_file(administrator, media, settings):
    """Issue 20: refused within seconds, and neither the upload's temporary file nor a
    stored file is left behind."""
    temporary = media / "upload-tmp"
    temporary.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(temporary)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # the upload goes to a temporary file
    settings.PDF_CHECK_SECONDS = 2
    started = time.monotonic()
    response = upload(administrator, "rapport.pdf", pdfs.many_pages_sharing_one_stream())
    assert time.monotonic() - started < 10
    assert response.status_code == 200
    assert "Filen kunne ikke kontrolleres" in response.content.decode()
    assert list(temporary.iterdir()) == []
    assert stored_files(media) == []
    assert not InspectionReport.objects.filter(visit_date=datetime.date(2026, 2, 3)).exists()


def test_deleting_a_report_deletes_its_file(
    administrator, media, django_capture_on_commit_callbacks
):
    report = _report(media)
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(admin_url(report, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert stored_files(media) == []


def test_a_delete_rolled_back_keeps_the_file(media, django_capture_on_commit_callbacks):
    from django.db import transaction

    report = _report(media)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                report.delete()
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert default_storage.exists(report.pdf.name)


@pytest.mark.parametrize("username", ["leder-skovvejen", "leder-baltorp", "kultur-skovvejen"])
def test_non_administrators_cannot_upload(client, media, username):
    login(client, username)
    assert client.get(ADD).status_code == 403
    before = InspectionReport.objects.count()
    response = client.post(
        ADD,
        {
            "unit": valhalla().pk,
            "visit_date": "03.02.2026",
            "summary": "x",
            "pdf": SimpleUploadedFile("r.pdf", pdfs.plain_pdf()),
        },
    )
    assert response.status_code == 403
    assert InspectionReport.objects.count() == before
    assert stored_files(media) == []


def test_anonymous_cannot_upload(client, media):
    response = client.post(ADD, {"pdf": SimpleUploadedFile("r.pdf", pdfs.plain_pdf())})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert stored_files(media) == []


SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]


@pytest.mark.parametrize("slug", SLUGS)
def test_district_leader_sees_only_own_districts_reports_read_only(client, slug):
    login(client, f"leder-{slug}")
    page = client.get(LIST).content.decode()
    own = InspectionReport.objects.filter(unit__districts__slug=slug)
    other = InspectionReport.objects.exclude(unit__districts__slug=slug)
    assert own.exists() and other.exists()
    assert all(admin_url(r) in page for r in own)
    assert not any(admin_url(r) in page for r in other)
    report = own.first()
    response = client.post(admin_url(report), {"summary": "Ændret"})
    assert response.status_code == 403
    assert client.get(admin_url(other.first())).status_code == 403
    assert client.post(admin_url(report, "delete"), {"post": "yes"}).status_code == 403
    assert InspectionReport.objects.filter(pk=report.pk).exists()


def test_culture_staff_see_nothing(client):
    login(client, "kultur-skovvejen")
    assert client.get(LIST).status_code == 403


def test_due_overview_flags_unit_whose_last_report_is_older_than_two_years(administrator):
    InspectionReport.objects.filter(unit=valhalla()).delete()
    old = InspectionReport(
        unit=valhalla(),
        visit_date=timezone.localdate() - datetime.timedelta(days=2 * 365 + 10),
        summary="Gammel.",
        published=True,
    )
    old.pdf.name = "tilsyn/gammel.pdf"
    old.save()
    page = administrator.get(DUE).content.decode()
    row = page.split("Børnehuset Valhalla</th>", 1)[1].split("</tr>", 1)[0]
    assert "Mangler" in row
    recent = InspectionReport(
        unit=valhalla(), visit_date=timezone.localdate(), summary="Ny.", published=True
    )
    recent.pdf.name = "tilsyn/ny.pdf"
    recent.save()
    page = administrator.get(DUE).content.decode()
    row = page.split("Børnehuset Valhalla</th>", 1)[1].split("</tr>", 1)[0]
    assert "I orden" in row


def test_due_overview_is_administrators_only(client):
    login(client, "leder-skovvejen")
    assert client.get(DUE).status_code == 403


def test_deleting_a_house_deletes_its_reports_files(media, django_capture_on_commit_callbacks):
    report = _report(media)
    with django_capture_on_commit_callbacks(execute=True):
        valhalla().delete()
    assert not InspectionReport.objects.filter(pk=report.pk).exists()
    assert stored_files(media) == []


def test_district_leader_reads_own_report_with_a_link_through_the_view(client):
    login(client, "leder-skovvejen")
    report = InspectionReport.objects.filter(unit__districts__slug="skovvejen").first()
    page = client.get(admin_url(report)).content.decode()
    assert f'href="{report.get_absolute_url()}"' in page
    assert "/media/" not in page


def test_restoring_a_version_whose_file_was_replaced_keeps_todays_file(
    administrator, media, django_capture_on_commit_callbacks
):
    """The old file went when it was replaced (django-cleanup); restoring the version
    that named it brings back its text and keeps today's file, never a name of a file
    that is gone (a 404 for parents) nor a delete of today's file."""
    report = _report(media)
    first = report.history.get()
    data = form_data(administrator.get(admin_url(report)))
    data.update(summary="Nyt resumé.", pdf=SimpleUploadedFile("ny.pdf", pdfs.plain_pdf("Ny")))
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(admin_url(report), data)
    assert response.status_code == 302, response.content.decode().split("errorlist", 1)[-1][:500]
    report.refresh_from_db()
    current = report.pdf.name
    assert current != first.pdf and stored_files(media) == [current]

    restore_url = admin_url(report, f"history/{first.history_id}")
    page = administrator.get(restore_url)
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(restore_url, form_data(page))
    assert response.status_code == 302, response.content.decode().split("errorlist", 1)[-1][:500]
    report.refresh_from_db()
    assert report.summary == "Kort."
    assert report.pdf.name == current
    assert stored_files(media) == [current]
    assert Client().get(report.get_absolute_url()).status_code == 200


def test_deleting_old_history_keeps_the_file_in_use(media, django_capture_on_commit_callbacks):
    """History rows name the file too; only the report's own changes delete files."""
    report = _report(media)
    with django_capture_on_commit_callbacks(execute=True):
        report.history.all().delete()
    assert stored_files(media) == [report.pdf.name]


def test_due_state_shared_by_the_worklist_and_the_digest():
    from daycare.models.inspection import IN_ORDER, OVERDUE, SOON_DUE, due_state

    today = datetime.date(2026, 12, 4)
    year_ago = datetime.date(2025, 12, 4)
    day = datetime.timedelta(days=1)
    assert due_state(None, today) == (None, OVERDUE)
    assert due_state(year_ago - day, today) == (today - day, OVERDUE)
    assert due_state(year_ago, today) == (today, SOON_DUE)
    assert due_state(year_ago + 90 * day, today) == (today + 90 * day, SOON_DUE)
    assert due_state(year_ago + 91 * day, today) == (today + 91 * day, IN_ORDER)


def test_a_year_and_two_are_calendar_years_across_a_leap_day():
    """Due on the anniversary, past the act's limit after the second: the same date, not
    365 or 730 days, which a 29 February in between would make a day early."""
    from daycare.models.inspection import OVERDUE, SOON_DUE, due_state, past_legal_limit

    march_first = datetime.date(2027, 3, 1)
    assert due_state(march_first, datetime.date(2028, 3, 1)) == (
        datetime.date(2028, 3, 1),
        SOON_DUE,
    )
    assert due_state(march_first, datetime.date(2028, 3, 2))[1] == OVERDUE
    assert not past_legal_limit(datetime.date(2026, 3, 1), datetime.date(2028, 3, 1))
    assert past_legal_limit(datetime.date(2026, 3, 1), datetime.date(2028, 3, 2))
    # A visit on 29 February is due on 28 February of a common year.
    assert due_state(datetime.date(2028, 2, 29), datetime.date(2029, 1, 1))[0] == (
        datetime.date(2029, 2, 28)
    )
    # A visit date at the calendar's end is not a 500.
    assert due_state(datetime.date(9999, 12, 31), datetime.date(2026, 12, 4))[0] == (
        datetime.date.max
    )
