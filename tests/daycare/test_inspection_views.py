"""The public side of inspection reports: /tilsyn/, the house and district pages, the
download's headers, unpublished reports hidden, constant query counts."""

import datetime

import pytest
from django.core.files.base import ContentFile

from daycare.models import InspectionReport
from districts.models import Institution
from tests.conftest import MAX_PAGE_QUERIES, admin_url, login, page_queries

from . import inspection_pdfs as pdfs

pytestmark = pytest.mark.usefixtures("demo")


def make_report(slug="boernehuset-valhalla", date=datetime.date(2026, 2, 3), **fields):
    fields.setdefault("summary", "Børnene trives, og sikkerheden er i orden.")
    fields.setdefault("published", True)
    report = InspectionReport(unit=Institution.objects.get(slug=slug), visit_date=date, **fields)
    report.pdf.save("x.pdf", ContentFile(pdfs.plain_pdf()), save=False)
    report.save()
    return report


def test_published_report_on_archive_house_and_district_pages(client):
    report = make_report()
    archive = client.get("/tilsyn/").content.decode()
    assert report.get_absolute_url() in archive
    assert "Børnene trives, og sikkerheden er i orden." in archive
    assert 'id="distrikt-skovvejen"' in archive
    house = client.get("/institutioner/boernehuset-valhalla/").content.decode()
    assert report.get_absolute_url() in house and "Børnene trives" in house
    district = client.get("/distrikter/skovvejen/").content.decode()
    assert "/tilsyn/#distrikt-skovvejen" in district


def test_archive_newest_first_and_by_year(client):
    InspectionReport.objects.filter(unit__slug="boernehuset-valhalla").delete()
    older = make_report(date=datetime.date(2024, 5, 1), summary="Ældre rapport")
    newer = make_report(date=datetime.date(2026, 2, 3), summary="Nyere rapport")
    page = client.get("/tilsyn/").content.decode()
    assert page.index(newer.get_absolute_url()) < page.index(older.get_absolute_url())
    page = client.get("/tilsyn/?aar=2024").content.decode()
    assert older.get_absolute_url() in page and newer.get_absolute_url() not in page


@pytest.mark.parametrize(
    "year", ["1800", "abc", "<script>", "9" * 50, "2" * 4301, "²", "２０２６", " 2026", "../"]
)
def test_bad_year_never_fails(client, year):
    make_report(date=datetime.date(2026, 2, 3), summary="Rapporten fra 2026")
    client.raise_request_exception = False
    response = client.get("/tilsyn/", {"aar": year})
    assert response.status_code == 200
    # The filter is let go: every year's reports are shown.
    assert "Rapporten fra 2026" in response.content.decode()


def test_download_headers(client):
    report = make_report()
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('inline; filename="tilsynsrapport-boernehuset-valhalla-2026')
    assert "filename*=UTF-8''" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("stable", [False, True], ids=["rapport", "seneste"])
def test_a_published_pdf_is_revalidated_and_gone_at_once_when_unpublished(client, stable):
    """Issue 20: ``public, max-age=3600`` kept a PDF in caches for an hour after it was
    unpublished. Now caches must ask every time (a 304 while it is unchanged)."""
    InspectionReport.objects.filter(unit__slug="boernehuset-valhalla").delete()
    report = make_report()
    url = "/tilsyn/boernehuset-valhalla/seneste.pdf" if stable else report.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "no-cache"}
    etag = response["ETag"]
    # Read, not closed: closing fires request_finished, which closes the test's own
    # database connection on PostgreSQL.
    b"".join(response.streaming_content)

    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert {p.strip() for p in again["Cache-Control"].split(",")} == {"public", "no-cache"}

    InspectionReport.objects.filter(pk=report.pk).update(published=False)
    assert client.get(url, headers={"if-none-match": etag}).status_code == 404
    assert client.get(url).status_code == 404


def test_a_replaced_pdf_has_a_new_etag(client):
    report = make_report()
    first = client.get(report.get_absolute_url())
    b"".join(first.streaming_content)
    report.pdf.save("y.pdf", ContentFile(pdfs.plain_pdf("Ny udgave")))
    second = client.get(report.get_absolute_url(), headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert b"".join(second.streaming_content).startswith(b"%PDF-")


def test_latest_report_has_a_stable_url(client):
    InspectionReport.objects.filter(unit__slug="boernehuset-valhalla").delete()
    make_report(date=datetime.date(2024, 5, 1))
    newest = make_report(date=datetime.date(2026, 2, 3))
    make_report(date=datetime.date(2026, 6, 1), published=False)
    response = client.get("/tilsyn/boernehuset-valhalla/seneste.pdf")
    assert response.status_code == 200
    assert newest.download_name in response["Content-Disposition"]


def test_unpublished_report_is_hidden(client):
    report = make_report(published=False, summary="Hemmeligt udkast")
    assert client.get(report.get_absolute_url()).status_code == 404
    assert "Hemmeligt udkast" not in client.get("/tilsyn/").content.decode()
    house = client.get("/institutioner/boernehuset-valhalla/").content.decode()
    assert "Hemmeligt udkast" not in house


def test_unknown_report_and_unit_404(client):
    assert client.get("/tilsyn/rapport/999999.pdf").status_code == 404
    assert client.get("/tilsyn/findes-ikke/seneste.pdf").status_code == 404


def test_nasty_summary_is_escaped(client):
    make_report(summary="<script>alert(1)</script> 🙂")
    page = client.get("/tilsyn/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def _add_reports(n):
    units = list(Institution.objects.filter(inspection_reports__isnull=False).distinct())
    for i in range(n):
        unit = units[i % len(units)]
        report = InspectionReport(
            unit=unit,
            visit_date=datetime.date(2000, 1, 1) + datetime.timedelta(days=i),
            summary="Ekstra",
            published=True,
        )
        report.pdf.name = f"tilsyn/ekstra-{i}.pdf"
        report.save()


@pytest.mark.parametrize("path", ["/tilsyn/", "/institutioner/boernehuset-valhalla/"])
def test_query_count_independent_of_number_of_reports(client, path):
    seed_size = page_queries(client, path)
    _add_reports(10 * max(InspectionReport.objects.count(), 30))
    assert len(page_queries(client, path)) == len(seed_size) <= MAX_PAGE_QUERIES


def test_unpublished_report_for_staff_who_may_see_it_not_cached(client):
    report = make_report(published=False)
    login(client, "admin")
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    login(client, "leder-baltorp")  # Valhalla lies in Skovvejen
    assert client.get(report.get_absolute_url()).status_code == 404
    login(client, "leder-skovvejen")
    assert client.get(report.get_absolute_url()).status_code == 200


def test_admin_links_the_current_file_through_the_view_not_media(client):
    report = make_report()
    login(client, "admin")
    page = client.get(admin_url(report)).content.decode()
    assert f'href="{report.get_absolute_url()}"' in page
    assert "/media/" not in page


def test_an_unpublished_report_needs_the_admins_login_two_factor_included(client, settings):
    """A draft's PDF opens to staff on the admin's terms: a password without its code
    (the app not set up yet, or not entered) opens nothing, as the admin itself."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REQUIRE_2FA = True
    report = make_report(published=False)
    response = client.post(
        "/admin/login/",
        {"username": "leder-skovvejen", "password": settings.DEMO_PASSWORD, "next": "/admin/"},
    )
    assert response.headers["Location"].startswith("/admin/2fa/")  # the password step only
    assert client.get(report.get_absolute_url()).status_code == 404
    user = get_user_model().objects.get(username="leder-skovvejen")
    TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    client.force_login(user)  # logged in, not verified with the app
    assert client.get(report.get_absolute_url()).status_code == 404
    settings.REQUIRE_2FA = False  # as locally: the password opens the admin, and the draft
    assert client.get(report.get_absolute_url()).status_code == 200
