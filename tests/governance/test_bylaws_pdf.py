"""The signed copy of the by-laws as a PDF: uploaded in the admin, checked like an
inspection report (every bad file refused in Danish, nothing stored), served through a
view, linked from the board's page; replacing or clearing it removes the old file."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from governance.models import Board, Bylaws
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.daycare import inspection_pdfs as pdfs
from tests.daycare.test_inspection_pdf import BAD_FILES

pytestmark = pytest.mark.usefixtures("demo")

BOARD = "/bestyrelser/baltorp/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def bylaws():
    """Baltorp's by-laws in force (the demo's shared version)."""
    return Board.objects.get(district__slug="baltorp").bylaws.order_by("-effective_date").first()


def upload(client, bylaws, name, content):
    data = form_data(client.get(admin_url(bylaws)))
    data["signed_pdf"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(admin_url(bylaws), data)


def test_an_administrator_attaches_the_signed_copy_and_parents_can_open_it(
    administrator, bylaws, media
):
    response = upload(administrator, bylaws, "Vedtægter underskrevet.pdf", pdfs.plain_pdf())
    assert response.status_code == 302
    bylaws.refresh_from_db()
    assert bylaws.signed_pdf.name.startswith("vedtaegter/")
    assert "underskrevet" not in bylaws.signed_pdf.name  # the uploaded name is never used
    assert stored_files(media) == [bylaws.signed_pdf.name]

    parent = Client()
    page = parent.get(BOARD).content.decode()
    link = f'<a href="/bestyrelser/vedtaegter/{bylaws.pk}.pdf">Den underskrevne udgave (PDF)</a>'
    assert link in page
    response = parent.get(f"/bestyrelser/vedtaegter/{bylaws.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "vedtaegter-" in response["Content-Disposition"]
    # Caches must ask again every time (issue 20: it was public for an hour).
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # The admin's "currently" link goes through the same view, not a media folder.
    form = administrator.get(admin_url(bylaws)).content.decode()
    assert f'href="/bestyrelser/vedtaegter/{bylaws.pk}.pdf"' in form
    assert "/media/" not in form


# The name cases ("sti", "kontroltegn") never reach the admin: Django's multipart parser
# cuts an upload's name to its last part and strips control characters before any code
# sees it; the validator's own test refuses such names.
@pytest.mark.parametrize("case", [c for c in BAD_FILES if c not in ("sti", "kontroltegn")])
def test_every_bad_file_is_refused_in_danish_and_nothing_is_stored(
    administrator, bylaws, media, case
):
    name, content, message = BAD_FILES[case]
    response = upload(administrator, bylaws, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    bylaws.refresh_from_db()
    assert not bylaws.signed_pdf
    assert stored_files(media) == []


def test_replacing_or_clearing_the_file_removes_the_old_one(
    administrator, bylaws, media, django_capture_on_commit_callbacks
):
    upload(administrator, bylaws, "a.pdf", pdfs.plain_pdf("Første"))
    bylaws.refresh_from_db()
    first = bylaws.signed_pdf.name
    with django_capture_on_commit_callbacks(execute=True):  # files go when the save commits
        upload(administrator, bylaws, "b.pdf", pdfs.plain_pdf("Anden"))
    bylaws.refresh_from_db()
    assert bylaws.signed_pdf.name != first
    assert stored_files(media) == [bylaws.signed_pdf.name]

    data = form_data(administrator.get(admin_url(bylaws))) | {"signed_pdf-clear": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        assert administrator.post(admin_url(bylaws), data).status_code == 302
    bylaws.refresh_from_db()
    assert not bylaws.signed_pdf
    assert stored_files(media) == []
    assert "Den underskrevne udgave (PDF)" not in Client().get(BOARD).content.decode()
    assert Client().get(f"/bestyrelser/vedtaegter/{bylaws.pk}.pdf").status_code == 404


def test_bylaws_with_a_file_are_edited_without_uploading_it_again(administrator, bylaws, media):
    """Issue 20: the stored name (``vedtaegter/…``) was checked like an upload's name."""
    upload(administrator, bylaws, "a.pdf", pdfs.plain_pdf())
    bylaws.refresh_from_db()
    stored = bylaws.signed_pdf.name
    data = form_data(administrator.get(admin_url(bylaws)))
    assert "signed_pdf" not in data  # the browser sends no file
    data["title"] = "Vedtægter (rettet titel)"
    response = administrator.post(admin_url(bylaws), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    bylaws.refresh_from_db()
    assert bylaws.title == "Vedtægter (rettet titel)"
    assert bylaws.signed_pdf.name == stored
    assert stored_files(media) == [stored]
    assert Client().get(f"/bestyrelser/vedtaegter/{bylaws.pk}.pdf").status_code == 200


def test_a_version_of_no_board_or_without_a_file_is_not_served(administrator, bylaws, media):
    upload(administrator, bylaws, "a.pdf", pdfs.plain_pdf())
    loose = Bylaws.objects.create(title="Udkast", effective_date="2030-01-01", text="x")
    loose.signed_pdf = Bylaws.objects.get(pk=bylaws.pk).signed_pdf
    loose.save()
    parent = Client()
    assert parent.get(f"/bestyrelser/vedtaegter/{loose.pk}.pdf").status_code == 404
    without = Bylaws.objects.create(title="Uden fil", effective_date="2030-01-01", text="x")
    without.boards.add(Board.objects.first())
    assert parent.get(f"/bestyrelser/vedtaegter/{without.pk}.pdf").status_code == 404
    for nasty in ["999999999", "0", "99999999999999999999"]:
        assert parent.get(f"/bestyrelser/vedtaegter/{nasty}.pdf").status_code == 404


def test_a_leader_who_may_not_change_shared_bylaws_cannot_replace_the_file(client, bylaws, media):
    login(client, "leder-baltorp")
    response = upload(client, bylaws, "a.pdf", pdfs.plain_pdf())
    assert response.status_code == 403
    bylaws.refresh_from_db()
    assert not bylaws.signed_pdf
    assert stored_files(media) == []


def test_a_long_upload_name_is_accepted_and_stored_under_the_servers_name(
    administrator, bylaws, media
):
    name = "Vedtægter for forældrebestyrelsen, underskrevet " + "x" * 190 + ".pdf"
    response = upload(administrator, bylaws, name, pdfs.plain_pdf())
    assert response.status_code == 302
    bylaws.refresh_from_db()
    assert re.fullmatch(
        rf"vedtaegter/{bylaws.effective_date:%Y-%m-%d}-[0-9a-f]{{16}}\.pdf", bylaws.signed_pdf.name
    )
    assert stored_files(media) == [bylaws.signed_pdf.name]
