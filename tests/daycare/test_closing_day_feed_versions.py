"""The closing-day feeds as calendar programs read them: an event is known by its UID
and replaced when its SEQUENCE grows. A day moved, unpublished and published again, or
given another place of alternative care must come across as a newer version of the same
event; staff text is kept as typed; the /tilsyn/ year filter takes only years."""

import datetime

import pytest
from icalendar import Calendar

from daycare.constants import PublicationStatus
from daycare.models import ClosingDay
from districts.models import District, Institution
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def today(monkeypatch, demo):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    ClosingDay.objects.all().delete()


def event(client, path="/lukkedage.ics"):
    (found,) = Calendar.from_ical(client.get(path).content).walk("VEVENT")
    return found


def test_a_moved_day_is_the_same_event_with_a_higher_sequence(client):
    day = ClosingDayFactory(date=datetime.date(2027, 5, 7))
    before = event(client)
    day.date = datetime.date(2027, 5, 6)
    day.save()
    after = event(client)
    assert str(after["uid"]) == str(before["uid"])
    assert after["sequence"] > before["sequence"]
    assert after["dtstart"].dt == datetime.date(2027, 5, 6)


def test_the_sequence_never_goes_down_when_a_day_is_published_again(client):
    day = ClosingDayFactory(date=datetime.date(2027, 5, 7))
    for name in ("a", "b", "c"):
        day.name = name
        day.save()
    before = event(client)
    assert before["sequence"] == 3
    assert day.unpublish()
    assert Calendar.from_ical(client.get("/lukkedage.ics").content).walk("VEVENT") == []
    day.name = "Torsdag"
    day.save()
    assert day.publish()
    after = event(client)
    assert after["sequence"] > before["sequence"]
    assert after["dtstamp"].dt >= before["dtstamp"].dt
    assert after["dtstamp"].dt <= datetime.datetime.now(datetime.UTC)


def test_a_changed_place_of_alternative_care_is_a_newer_version(client):
    skovvejen = District.objects.get(slug="skovvejen")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7),
        alternative_care=True,
        signup_deadline=datetime.date(2027, 5, 1),
        signup_text="Tilmeld i Aula.",
    )
    place = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    versions = [event(client)["sequence"]]
    other = Institution.objects.filter(districts=skovvejen).exclude(pk=valhalla.pk).first()
    place.houses.set([other])
    versions.append(event(client)["sequence"])
    place.note = "kun formiddag"
    place.save()
    described = event(client)
    versions.append(described["sequence"])
    assert "kun formiddag" in str(described["description"])
    assert other.name in str(described["description"])
    place.delete()
    versions.append(event(client)["sequence"])
    assert versions == sorted(set(versions)), versions
    # The page's own "Ændret" lines are about the day's fields, and none changed.
    assert ClosingDay.objects.get(pk=day.pk).changed_since_publication == ""


def test_a_draft_is_not_counted_before_it_is_published(client):
    day = ClosingDayFactory(date=datetime.date(2027, 5, 7), status=PublicationStatus.DRAFT)
    day.name = "Ny betegnelse"
    day.save()
    assert day.publish()
    assert event(client)["sequence"] == 0


def test_staff_text_is_kept_as_typed_backslash_n_included(client):
    ClosingDayFactory(date=datetime.date(2027, 5, 7), name="P:\\Nyt", note="Husk madpakke")
    found = event(client)
    assert str(found["summary"]).endswith("P:\\Nyt")
    assert "Husk madpakke" in str(found["description"])


@pytest.mark.parametrize("year", ["²", "١٢", "2026²", "0x7e8", " 2026"])
def test_the_inspection_archive_ignores_a_year_that_is_no_year(client, year):
    assert client.get("/tilsyn/", {"aar": year}).status_code == 200


def test_a_save_from_a_form_opened_before_a_place_changed_still_counts_on(client):
    """Staff A opens the day, staff B changes a place, A saves: A's save is counted on
    top of B's change, not over it."""
    day = ClosingDayFactory(date=datetime.date(2027, 5, 7))
    opened = ClosingDay.objects.get(pk=day.pk)
    ClosingDay.bump_feed(day.pk)  # B's change of a place
    after_b = event(client)["sequence"]
    opened.name = "Ny betegnelse"
    opened.save()
    assert event(client)["sequence"] > after_b


def changed_line(client):
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort " in page
    return page[page.index("Offentliggjort ") :].split("</p>")[0]


def test_parents_see_that_a_place_of_alternative_care_changed_after_publication(client):
    skovvejen = District.objects.get(slug="skovvejen")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7),
        status=PublicationStatus.DRAFT,
        alternative_care=True,
        signup_deadline=datetime.date(2027, 5, 1),
        signup_text="Tilmeld i Aula.",
    )
    place = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    assert day.publish()
    # Places set before the publication are what parents first saw.
    assert "Ændret" not in changed_line(client)
    other = Institution.objects.filter(districts=skovvejen).exclude(pk=valhalla.pk).first()
    place.houses.set([other])
    assert changed_line(client).endswith(": sted for alternativ pasning.")
    day.refresh_from_db()
    day.name = "Ny betegnelse"
    day.save()
    assert changed_line(client).endswith(": betegnelse, sted for alternativ pasning.")
    # A form opened before the place changed does not wipe the change out.
    opened = ClosingDay.objects.get(pk=day.pk)
    place.delete()
    opened.note = "Husk madpakke"
    opened.save()
    assert "sted for alternativ pasning." in changed_line(client)
    # Published again, the day starts over.
    assert opened.unpublish()
    assert opened.publish()
    assert "Ændret" not in changed_line(client)
