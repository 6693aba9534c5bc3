"""Filling the outbox when content is saved and published, and by the clock: a closing day
published or changed, alternative care opening, three days before the deadline, a new
inspection report, new minutes. Each subscriber is mailed once per event."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail.backends import locmem
from django.db import transaction

from daycare.constants import PublicationStatus
from daycare.models import ClosingDay, InspectionReport
from districts.models import District, Institution
from governance.models import BoardMeeting
from notify.constants import Topic
from notify.models import Subscriber, Subscription
from outbox import sending
from outbox.models import Mail
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory
from tests.daycare.inspection_pdfs import plain_pdf
from tests.notify.helpers import send

pytestmark = pytest.mark.django_db


def subscriber(email, topic, confirmed=True, **place):
    person, _ = Subscriber.objects.get_or_create(email=email)
    if confirmed and not person.confirmed_at:
        person.confirmed_at = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
        person.save()
    Subscription.objects.create(subscriber=person, topic=topic, **place)
    return person


@pytest.fixture
def no_days(seed):
    ClosingDay.objects.all().delete()


def mails_to(email):
    return [m for m in mail.outbox if m.to == [email]]


@pytest.mark.usefixtures("no_days")
def test_a_published_closing_day_is_mailed_once_to_confirmed_subscribers(client, clock, skovvejen):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    subscriber("ikke-bekraeftet@example.dk", Topic.CLOSING_DAYS, confirmed=False,
               district=skovvejen)  # fmt: skip
    subscriber("referater@example.dk", Topic.MINUTES, board=skovvejen.parent_board)
    login(client, "admin")
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 18),
        name="Fredag før jul",
        status=PublicationStatus.DRAFT,
        alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 11),
        signup_text="Tilmeld dit barn i Aula.",
    )
    assert not Mail.objects.exists()  # a draft tells nobody
    client.post("/admin/daycare/closingday/", {"action": "publish", "_selected_action": [day.pk]})
    send()
    assert mail.outbox == []  # a notice waits ten minutes, in case staff correct the day
    clock.advance(minutes=10)
    send()
    (message,) = mail.outbox
    assert message.to == ["skov@example.dk"]
    assert message.subject == "Ny lukkedag: fredag den 18. december 2026"
    assert "Fredag den 18. december 2026: Fredag før jul." in message.body
    assert "Tilmelding til alternativ pasning senest fredag den 11. december 2026." in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Saving it again unchanged tells nobody; a change the parents see does.
    form = form_data(client.get(admin_url(day)))
    client.post(admin_url(day), form)
    send()
    assert len(mail.outbox) == 1
    clock.advance(minutes=5)
    client.post(admin_url(day), form | {"signup_deadline": "10.12.2026"})
    clock.advance(minutes=10)
    send()
    assert len(mail.outbox) == 2
    changed = mail.outbox[1]
    assert changed.subject == "Ændret lukkedag: fredag den 18. december 2026"
    assert "torsdag den 10. december 2026" in changed.body


@pytest.mark.usefixtures("no_days")
def test_a_notice_is_committed_with_the_content_or_not_at_all(clock, skovvejen):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    with pytest.raises(RuntimeError), transaction.atomic():
        ClosingDayFactory(date=datetime.date(2026, 12, 18))
        raise RuntimeError("the save failed after all")
    assert not Mail.objects.exists()


@pytest.mark.usefixtures("no_days")
def test_alternative_care_opening_tells_the_districts_subscribers_where(clock, skovvejen, valhalla):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    subscriber("balt@example.dk", Topic.CLOSING_DAYS, district=District.objects.get(slug="baltorp"))
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 18), alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 11),
    )  # fmt: skip
    clock.advance(minutes=10)
    send()
    mail.outbox.clear()
    AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    send()
    (message,) = mail.outbox
    assert message.to == ["skov@example.dk"]
    assert message.subject == "Alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen"
    assert "Alternativ pasning i distrikt Skovvejen: Børnehuset Valhalla." in message.body


@pytest.mark.usefixtures("no_days")
def test_three_days_before_the_deadline_each_subscriber_is_reminded_once(clock, skovvejen):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    # 3 December 2026, 10:00 in Copenhagen.
    ClosingDayFactory(
        date=datetime.date(2026, 12, 18), name="Fredag før jul", alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 7),
    )  # fmt: skip
    clock.advance(minutes=10)
    send()
    mail.outbox.clear()
    send()
    assert mail.outbox == []  # four days before: not yet
    clock.advance(days=1)
    send()
    send()
    (message,) = mail.outbox
    assert message.subject == (
        "Husk tilmelding til alternativ pasning senest mandag den 7. december 2026"
    )
    assert "Fredag den 18. december 2026: Fredag før jul." in message.body
    clock.advance(days=1)
    send()
    assert len(mail.outbox) == 1


def test_a_new_published_inspection_report_is_mailed_to_the_houses_subscribers(
    clock, valhalla, seed
):
    subscriber("hus@example.dk", Topic.REPORTS, house=valhalla)
    other = (
        District.objects.get(slug="baltorp")
        .institutions.filter(institution_type=valhalla.institution_type)
        .first()
    )
    subscriber("andet@example.dk", Topic.REPORTS, house=other)
    report = InspectionReport(
        unit=valhalla, visit_date=datetime.date(2026, 11, 2), summary="Godt tilsyn.",
        published=False,
    )  # fmt: skip
    report.pdf.save("r.pdf", ContentFile(plain_pdf()), save=False)
    report.save()
    send()
    assert mail.outbox == []
    report.published = True
    report.save()
    report.save()
    send()
    (message,) = mail.outbox
    assert message.to == ["hus@example.dk"]
    assert message.subject == "Ny tilsynsrapport for Børnehuset Valhalla"
    assert "Godt tilsyn." in message.body
    assert f"http://testserver/tilsyn/rapport/{report.pk}.pdf" in message.body


def test_new_minutes_are_mailed_to_the_boards_subscribers(clock, skovvejen):
    subscriber("bestyrelse@example.dk", Topic.MINUTES, board=skovvejen.parent_board)
    meeting = BoardMeeting.objects.create(
        board=skovvejen.parent_board, date=datetime.date(2026, 11, 24), agenda="Budget"
    )
    meeting.published = True
    meeting.save()
    send()
    assert mail.outbox == []  # an agenda, no minutes yet
    meeting.minutes = "Bestyrelsen vedtog budgettet."
    meeting.save()
    send()
    (message,) = mail.outbox
    assert message.subject == f"Nyt referat fra {skovvejen.parent_board.name}"
    assert "tirsdag den 24. november 2026" in message.body
    assert "http://testserver/bestyrelser/skovvejen/" in message.body


@pytest.mark.usefixtures("no_days")
def test_a_day_corrected_right_after_publishing_gives_one_mail_with_the_correction(
    client, clock, skovvejen
):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    login(client, "admin")
    day = ClosingDayFactory(date=datetime.date(2026, 12, 18), name="Fredag før jul")
    clock.advance(minutes=3)
    form = form_data(client.get(admin_url(day)))
    client.post(admin_url(day), form | {"name": "Fredag inden jul"})
    clock.advance(minutes=10)
    send()
    (message,) = mail.outbox
    assert message.subject == "Ny lukkedag: fredag den 18. december 2026"
    assert "Fredag inden jul" in message.body and "Fredag før jul" not in message.body

    # After it went out, a correction is a change of its own.
    def rename(name):
        # The form as staff open it each time (it carries the version it was opened at).
        response = client.post(
            admin_url(day), form_data(client.get(admin_url(day))) | {"name": name}
        )
        assert response.status_code == 302

    clock.advance(minutes=1)
    rename("Juleferie")
    clock.advance(minutes=4)
    rename("Juleferie, første dag")
    clock.advance(minutes=10)
    send()
    assert [m.subject for m in mail.outbox[1:]] == ["Ændret lukkedag: fredag den 18. december 2026"]
    assert "Juleferie, første dag" in mail.outbox[1].body


@pytest.mark.usefixtures("no_days")
def test_changed_places_for_alternative_care_tell_the_subscribers_once_with_the_final_places(
    clock, skovvejen, valhalla
):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 18), alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 11),
    )  # fmt: skip
    care = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    clock.advance(minutes=10)
    send()
    mail.outbox.clear()
    others = list(
        Institution.objects.filter(districts=skovvejen, institution_type="boernehus")
        .exclude(pk=valhalla.pk)
        .order_by("name")[:2]
    )
    assert len(others) == 2
    # Staff correct the place twice within a few minutes: one mail, with the last places.
    care.houses.set([others[0]])
    care.houses.set([others[1]])
    send()
    assert mail.outbox == []  # it waits, in case staff correct it again
    clock.advance(minutes=10)
    send()
    (message,) = mail.outbox
    assert message.subject == (
        "Nyt sted for alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen"
    )
    assert "Stedet for alternativ pasning er ændret." in message.body
    assert f"Alternativ pasning i distrikt Skovvejen: {others[1].name}." in message.body
    assert others[0].name not in message.body
    # Back and forth to the places already told of: nothing more.
    care.houses.set([others[0]])
    care.houses.set([others[1]])
    clock.advance(minutes=10)
    send()
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("no_days")
@pytest.mark.parametrize("taken_back", ["unpublished", "deleted"])
def test_a_day_taken_back_before_its_notice_went_is_never_mailed(
    clock, skovvejen, valhalla, taken_back
):
    """The notice waits a few minutes for corrections: a day made a draft again or
    deleted in that time is mailed to nobody, its places' notices included."""
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 18),
        alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 11),
        signup_text="Tilmeld dit barn i Aula.",
    )
    AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    assert Mail.objects.filter(sent_at__isnull=True).exists()
    clock.advance(minutes=2)
    day.refresh_from_db()
    if taken_back == "unpublished":
        assert day.unpublish()
    else:
        day.delete()
    clock.advance(minutes=30)
    send()
    assert mails_to("skov@example.dk") == []


class DeferringBackend(locmem.EmailBackend):
    """The mail server answers 451 (try again later) for one address, takes the rest."""

    def send_messages(self, messages):
        for message in messages:
            if message.to == ["senere@example.dk"]:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (451, b"Try again later")})
        return super().send_messages(messages)


@pytest.mark.usefixtures("no_days")
@pytest.mark.parametrize("still_waiting", ["later batch", "put back after 451"])
def test_a_correction_while_the_first_notice_still_waits_for_some_is_decided_per_subscriber(
    clock, skovvejen, settings, still_waiting
):
    """The day's notice reached one subscriber; another's still waits (a later batch, or
    put back after the server's 451) when staff correct the day. The one who got it hears
    of the correction; the other gets one mail, the corrected day as a new one."""
    subscriber("foerst@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    subscriber("senere@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(date=datetime.date(2026, 12, 18), name="Fredag før jul")
    clock.advance(minutes=10)
    if still_waiting == "later batch":
        sending.send_batch(batch_size=1)
    else:
        settings.EMAIL_BACKEND = "tests.notify.test_notices.DeferringBackend"
        send()
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert [m.to for m in mail.outbox] == [["foerst@example.dk"]]

    day.refresh_from_db()
    day.name = "Juleferie, første dag"
    day.save()
    clock.advance(minutes=10)
    send()
    send()

    first = mails_to("foerst@example.dk")
    assert [m.subject for m in first] == [
        "Ny lukkedag: fredag den 18. december 2026",
        "Ændret lukkedag: fredag den 18. december 2026",
    ]
    assert "Juleferie, første dag" in first[1].body
    (later,) = mails_to("senere@example.dk")
    assert later.subject == "Ny lukkedag: fredag den 18. december 2026"
    assert "Juleferie, første dag" in later.body and "Fredag før jul" not in later.body
    assert "er ændret" not in later.body


@pytest.mark.usefixtures("no_days")
def test_places_changed_after_the_opening_notice_was_deleted_are_a_change_not_a_new_opening(
    clock, skovvejen, valhalla
):
    """The outbox deletes sent mails after 30 days; the places' notices still know what
    the subscribers were told: the same places again tell nothing, new ones are a change."""
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(
        date=datetime.date(2027, 2, 26), alternative_care=True,
        signup_deadline=datetime.date(2027, 2, 12),
    )  # fmt: skip
    clock.advance(minutes=10)
    care = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    send()
    assert [m.subject for m in mails_to("skov@example.dk")] == [
        "Ny lukkedag: fredag den 26. februar 2027",
        "Alternativ pasning fredag den 26. februar 2027 i distrikt Skovvejen",
    ]
    clock.advance(days=31)
    send()  # deletes the mails sent more than 30 days ago
    assert not Mail.objects.exists()

    # Taken off and put back (two saves): the same place, nothing to tell.
    care.houses.remove(valhalla)
    care.houses.add(valhalla)
    clock.advance(minutes=10)
    send()
    assert len(mail.outbox) == 2
    other = (
        Institution.objects.filter(districts=skovvejen, institution_type="boernehus")
        .exclude(pk=valhalla.pk)
        .order_by("name")
        .first()
    )
    care.houses.set([other])
    clock.advance(minutes=10)
    send()
    assert [m.subject for m in mail.outbox[2:]] == [
        "Nyt sted for alternativ pasning fredag den 26. februar 2027 i distrikt Skovvejen"
    ]


def houses_of(district, count):
    return list(
        Institution.objects.filter(districts=district, institution_type="boernehus").order_by(
            "name"
        )[:count]
    )


@pytest.mark.usefixtures("no_days")
def test_places_moved_back_and_forth_are_mailed_every_time(clock, skovvejen):
    subscriber("skov@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(date=datetime.date(2026, 12, 18), alternative_care=True)
    clock.advance(minutes=10)
    send()
    first, second = houses_of(skovvejen, 2)
    care = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[first])
    for house in (second, first, second):
        send()
        clock.advance(hours=1)
        care.houses.set([house])
        clock.advance(minutes=10)
        send()
    subjects = [m.subject for m in mails_to("skov@example.dk")]
    assert subjects[1:] == [
        "Alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen",
        *["Nyt sted for alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen"] * 3,
    ]
    assert f"Alternativ pasning i distrikt Skovvejen: {second.name}." in mail.outbox[-1].body


@pytest.mark.usefixtures("no_days")
def test_places_changed_while_the_opening_notice_still_waits_for_some_are_decided_per_subscriber(
    clock, skovvejen
):
    subscriber("foerst@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    subscriber("senere@example.dk", Topic.CLOSING_DAYS, district=skovvejen)
    day = ClosingDayFactory(date=datetime.date(2026, 12, 18), alternative_care=True)
    clock.advance(minutes=10)
    send()
    mail.outbox.clear()
    first, second = houses_of(skovvejen, 2)
    care = AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[first])
    sending.send_batch(batch_size=1)  # the opening notice reached only the first subscriber
    care.houses.set([second])
    clock.advance(minutes=10)
    send()
    opening = "Alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen"
    changed = "Nyt sted for alternativ pasning fredag den 18. december 2026 i distrikt Skovvejen"
    assert [m.subject for m in mails_to("foerst@example.dk")] == [opening, changed]
    (later,) = mails_to("senere@example.dk")
    assert later.subject == opening
    assert second.name in later.body and first.name not in later.body


def test_a_report_published_again_after_its_mail_was_deleted_is_not_mailed_again(
    clock, valhalla, seed
):
    subscriber("hus@example.dk", Topic.REPORTS, house=valhalla)
    report = InspectionReport(
        unit=valhalla, visit_date=datetime.date(2026, 11, 2), summary="Godt tilsyn.",
        published=True,
    )  # fmt: skip
    report.pdf.save("r.pdf", ContentFile(plain_pdf()), save=False)
    report.save()
    send()
    assert len(mail.outbox) == 1
    clock.advance(days=31)
    send()  # deletes the mail, keeps its key
    report.published = False
    report.save()
    report.published = True
    report.save()
    send()
    assert len(mail.outbox) == 1
