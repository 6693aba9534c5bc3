"""Dates that look wrong are questioned (issue 24.7): more than a year back or five
years ahead asks for confirmation in Danish, with the box beside the message."""

import datetime

import pytest

from culture.models import Event, Meeting
from daycare.models import ClosingDay
from governance.models import BoardMeeting
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)


def add_event(client, starts_at, confirm=False):
    page = client.get("/admin/culture/event/add/")
    data = form_data(page) | {"title": "Teater", "venue": "Salen", "starts_at": starts_at}
    if confirm:
        data["confirm_date"] = "on"
    return client.post("/admin/culture/event/add/", data)


def test_a_performance_in_2020_is_questioned_and_saved_once_confirmed(client):
    login(client, "kultur-baltorp")
    response = add_event(client, "2020-03-01T10:00")
    text = response.content.decode()
    assert response.status_code == 200
    assert "1. marts 2020 ligger mere end et år tilbage. Er datoen rigtig?" in text
    assert 'name="confirm_date"' in text and "Datoen er rigtig" in text
    assert not Event.objects.filter(title="Teater").exists()
    data = form_data(response) | {"confirm_date": "on"}
    assert client.post("/admin/culture/event/add/", data).status_code == 302
    assert Event.objects.filter(title="Teater").exists()


def test_far_ahead_is_questioned_too(client):
    login(client, "kultur-baltorp")
    text = add_event(client, "2035-03-01T10:00").content.decode()
    assert "1. marts 2035 ligger mere end fem år frem." in text


def test_a_date_near_today_asks_nothing_and_shows_no_box(client):
    login(client, "kultur-baltorp")
    page = client.get("/admin/culture/event/add/").content.decode()
    assert 'name="confirm_date"' not in page
    assert add_event(client, "2027-03-01T10:00").status_code == 302


def test_an_old_record_saved_unchanged_is_not_questioned(client):
    login(client, "kultur-baltorp")
    meeting = Meeting.objects.filter(network__district__slug="baltorp").first()
    Meeting.objects.filter(pk=meeting.pk).update(date=datetime.date(2019, 5, 1))
    page = client.get(admin_url(meeting))
    assert client.post(admin_url(meeting), form_data(page)).status_code == 302


@pytest.mark.parametrize(
    ("username", "url", "field"),
    [
        ("kultur-baltorp", "/admin/culture/meeting/add/", "date"),
        ("leder-baltorp", "/admin/governance/boardmeeting/add/", "date"),
        ("admin", "/admin/daycare/closingday/add/", "date"),
    ],
)
def test_meetings_and_closing_days_are_questioned(client, username, url, field):
    login(client, username)
    page = client.get(url)
    before = (Meeting.objects.count(), BoardMeeting.objects.count(), ClosingDay.objects.count())
    data = form_data(page) | {field: "02.03.2020", "name": "Gammel", "place": "Salen"}
    text = client.post(url, data).content.decode()
    assert "2. marts 2020 ligger mere end et år tilbage." in text
    assert 'name="confirm_date"' in text
    after = (Meeting.objects.count(), BoardMeeting.objects.count(), ClosingDay.objects.count())
    assert before == after


@pytest.mark.parametrize("starts_at", ["0001-01-01T00:30", "9999-12-31T23:59"])
def test_a_date_no_calendar_holds_is_refused_even_when_confirmed(client, starts_at):
    client.raise_request_exception = False
    login(client, "kultur-baltorp")
    response = add_event(client, starts_at, confirm=True)
    assert response.status_code == 200
    assert "Datoen skal ligge mellem år 1900 og 9998." in response.content.decode()
    assert not Event.objects.filter(title="Teater").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/culture/event/?starts_at__gte=0001-01-01",
        "/admin/culture/event/?starts_at__lt=9999-12-31+23:59",
        "/admin/culture/event/?starts_at__date=0001-01-01",
        "/admin/culture/event/?starts_at__range=2026-01-01,0001-01-01",
        "/admin/culture/event/?starts_at__year=99999",
        "/admin/culture/meeting/?date__gte=0001-01-01",
        "/admin/culture/meeting/?network__meetings__date__lte=9999-12-31",
        "/admin/daycare/closingday/?date__year=0",
        "/admin/daycare/closingday/?date__in=2027-01-01,0001-01-01",
        "/admin/governance/boardmeeting/?date__gte=0001-01-01",
        "/admin/bookings/offer/?booking_opens__gte=0001-01-01",
    ],
)
def test_a_date_filter_no_calendar_holds_is_an_invalid_lookup_not_a_500(client, path):
    """The changelist treats such a filter as it treats any invalid one: back to itself
    with ?e=1 (PortalModelAdmin.get_changelist_instance)."""
    login(client, "admin")
    response = client.get(path)
    assert response.status_code == 302, path
    assert response["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/culture/meeting/?date__gte=1900-01-01",
        "/admin/culture/meeting/?date__lt=9998-12-31",
        "/admin/culture/event/?starts_at__year=2027",
        "/admin/daycare/closingday/?date__year=1900",
        "/admin/culture/event/?q=teater",
    ],
)
def test_a_date_filter_within_the_years_is_applied(client, path):
    login(client, "admin")
    assert client.get(path).status_code == 200
