"""What changed since a closing day was published is stored on the day by every save
(``ClosingDay.record_changes``), so that the page and the feeds read no history. It must
always be what the day's history says: after the admin's form, its publish and
unpublish actions, a version restored from the history, plain saves in code, and for the
days there were before it was stored (the data migration)."""

import datetime
import importlib
import random

import pytest
from django.apps import apps

from daycare.constants import PublicationStatus
from daycare.models import ClosingDay
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.daycare.factories import ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def only_these_days(demo, monkeypatch):
    """No demo days, and a fixed today, so that the page shows the days made here."""
    ClosingDay.objects.all().delete()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)


def from_history(day):
    """``(saves, changed field names)`` as the page once worked them out on every request:
    the day's history since publication, the published version against the latest
    (django-simple-history's own diff)."""
    day.refresh_from_db()
    records = list(ClosingDay.history.filter(id=day.pk).order_by("history_date", "history_id"))
    if day.published_at is None:
        return 0, ""
    since = [record for record in records if record.history_date >= day.published_at]
    if len(since) < 2:
        return 0, ""
    diff = since[-1].diff_against(since[0], included_fields=ClosingDay.WATCHED_FIELDS)
    return len(since) - 1, ",".join(diff.changed_fields)


def stored(day):
    day.refresh_from_db()
    return day.saves_since_publication, day.changed_since_publication


def assert_follows_history(day):
    assert stored(day) == from_history(day)


@pytest.mark.usefixtures("only_these_days")
def test_the_admin_form_actions_and_a_restored_version_keep_the_changes(client):
    login(client, "admin")
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7), name="Fredag", status=PublicationStatus.DRAFT
    )
    day.save()  # drafts saved again count for nothing
    assert stored(day) == (0, "")
    client.post("/admin/daycare/closingday/", {"action": "publish", "_selected_action": [day.pk]})
    assert stored(day) == (0, "")
    published = ClosingDay.history.filter(id=day.pk).latest()

    form = form_data(client.get(admin_url(day)))
    response = client.post(admin_url(day), form | {"note": "Ny aftale"})
    assert response.status_code == 302
    assert stored(day) == (1, "note")
    assert_follows_history(day)
    form = form_data(client.get(admin_url(day)))
    response = client.post(admin_url(day), form | {"name": "Fredag efter Kristi himmelfartsdag"})
    assert stored(day) == (2, "name,note")
    assert_follows_history(day)
    page = client.get("/lukkedage/").content.decode()
    assert "Ændret " in page and ": betegnelse, bemærkning." in page
    assert "SEQUENCE:2" in client.get("/lukkedage.ics").content.decode()

    # Restoring the version parents first saw: a save like any other, nothing differs.
    restore = admin_url(day, f"history/{published.history_id}")
    response = client.post(restore, form_data(client.get(restore)))
    assert response.status_code == 302, response.content.decode()[:2000]
    day.refresh_from_db()
    assert day.name == "Fredag" and day.note == ""
    assert stored(day) == (3, "")
    assert_follows_history(day)
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort " in page and "Ændret" not in page

    # A draft again: nothing to tell; published anew, counted from then.
    client.post("/admin/daycare/closingday/", {"action": "unpublish", "_selected_action": [day.pk]})
    assert stored(day) == (0, "")
    client.post("/admin/daycare/closingday/", {"action": "publish", "_selected_action": [day.pk]})
    form = form_data(client.get(admin_url(day)))
    client.post(admin_url(day), form | {"note": "Igen"})
    assert stored(day) == (1, "note")
    assert_follows_history(day)


@pytest.mark.usefixtures("only_these_days")
def test_a_restored_version_keeps_the_publication_parents_were_told_of(client, monkeypatch):
    """A version restored from the history brings back its fields, not when it was
    published: a day published again keeps its new publication date, and a draft
    restored to a published version is published now."""

    def now(day, hour=12):
        moment = datetime.datetime(2026, 11, day, hour, tzinfo=datetime.UTC)
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        login(client, "admin")  # a session lasts hours

    now(2)
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7), name="Fredag", status=PublicationStatus.PUBLISHED
    )
    first = ClosingDay.history.filter(id=day.pk).latest()
    now(19)
    day.unpublish()
    now(20)
    day.publish()
    restore = admin_url(day, f"history/{first.history_id}")

    now(21)
    response = client.post(restore, form_data(client.get(restore)))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort fredag den 20. november 2026." in page
    assert "2. november" not in page
    assert stored(day) == (1, "")
    assert_follows_history(day)
    # The history shows the publication as it was kept.
    assert ClosingDay.history.filter(id=day.pk).latest().published_at == day.published_at

    now(22)
    client.post("/admin/daycare/closingday/", {"action": "unpublish", "_selected_action": [day.pk]})
    now(23)
    response = client.post(restore, form_data(client.get(restore)))
    assert response.status_code == 302, response.content.decode()[:2000]
    day.refresh_from_db()
    assert day.status == PublicationStatus.PUBLISHED
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort mandag den 23. november 2026." in page
    assert stored(day) == (0, "")


@pytest.mark.usefixtures("only_these_days")
def test_any_sequence_of_saves_keeps_the_changes_the_history_shows():
    rng = random.Random(224)
    day = ClosingDayFactory(date=datetime.date(2027, 6, 4), status=PublicationStatus.DRAFT)
    for step in range(60):
        action = rng.choice(["name", "note", "care", "date", "same", "publish", "draft"])
        if action == "name":
            day.name = rng.choice(["Grundlovsdag", "Fredag", "Lukket"])
        elif action == "note":
            day.note = rng.choice(["", "Husk madpakke", "Ny aftale"])
        elif action == "care":
            day.alternative_care = not day.alternative_care
            day.signup_deadline = datetime.date(2027, 5, 20) if day.alternative_care else None
            day.signup_text = "Tilmeld i Aula." if day.alternative_care else ""
        elif action == "date":
            day.date = rng.choice([datetime.date(2027, 6, 4), datetime.date(2027, 6, 3)])
        elif action == "publish":
            day.status = PublicationStatus.PUBLISHED
        elif action == "draft":
            day.status = PublicationStatus.DRAFT
        day.save()
        assert stored(day) == from_history(day), (step, action)


@pytest.mark.usefixtures("only_these_days")
def test_the_migration_stores_the_changes_of_the_days_there_were():
    migration = importlib.import_module("daycare.migrations.0006_closing_day_changes_stored")
    days = []
    for n, changes in enumerate([{}, {"note": "Ny"}, {"name": "Ny", "signup_url": ""}]):
        day = ClosingDayFactory(date=datetime.date(2027, 9, 6) + datetime.timedelta(days=n))
        for name, value in changes.items():
            setattr(day, name, value)
            day.save()
        days.append(day)
    draft = ClosingDayFactory(date=datetime.date(2027, 9, 10), status=PublicationStatus.DRAFT)
    draft.name = "Kladde"
    draft.save()
    days.append(draft)
    expected = [from_history(day) for day in days]
    assert expected[2] == (2, "name")
    ClosingDay.objects.update(saves_since_publication=0, changed_since_publication="")

    class Editor:
        class connection:  # noqa: N801 (what RunPython's schema editor offers)
            alias = "default"

    migration.store_changes(apps, Editor)
    assert [stored(day) for day in days] == expected
