"""The booking mails: put in the shared outbox in the booking's own transaction, Danish,
plain text and HTML, once each; sent by ``send_notifications``."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bookings import services
from outbox.models import Mail
from tests.bookings.helpers import book, first_showing

pytestmark = pytest.mark.usefixtures("demo")


def send():
    call_command("send_notifications", verbosity=0)


def test_a_confirmed_booking_is_mailed_once_in_danish_text_and_html():
    booking = book(first_showing("skovvejen"))
    queued = Mail.objects.get()
    assert queued.key == f"booking:{booking.pk}:confirmed"
    assert queued.to == "roedstuen@valhalla.invalid"
    send()
    send()  # a second run sends nothing again
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Bekræftet: Demodata: Teaterforestilling for de mindste"
    assert "Jeres booking er bekræftet." in message.body
    assert "Rødstuen, 18 børn og 3 voksne" in message.body
    assert "/booking/" in message.body
    html = message.alternatives[0][0]
    assert 'lang="da"' in html and "Jeres booking er bekræftet." in html
    assert "<img" not in html


def test_the_waiting_list_mail_names_the_place_and_a_promotion_is_mailed():
    showing = first_showing("skovvejen")
    first = book(showing, "klub-nord", children=36, adults=4)
    waiting = book(showing, children=18, adults=3)
    body = Mail.objects.get(key=f"booking:{waiting.pk}:waiting").text
    assert "I står på ventelisten som nr. 1" in " ".join(body.split())
    services.cancel(first.pk, by_network=True)
    assert Mail.objects.filter(key=f"booking:{first.pk}:cancelled").exists()
    promoted = Mail.objects.get(key__startswith=f"booking:{waiting.pk}:promoted:{showing.pk}:")
    assert promoted.subject.startswith("I har fået plads")
    assert "rykket op fra ventelisten" in promoted.text


def test_an_institution_cancelling_itself_gets_no_cancellation_mail():
    booking = book(first_showing("skovvejen"))
    services.cancel(booking.pk)
    assert not Mail.objects.filter(key__endswith=":cancelled").exists()


def test_a_refused_booking_queues_nothing():
    showing = first_showing("skovvejen")
    with pytest.raises(services.BookingError):
        book(showing, children=50)
    assert not Mail.objects.exists()


def test_a_move_is_mailed():
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    booking = book(showing)
    services.move(booking.pk, other.pk)
    moved = Mail.objects.get(key__startswith=f"booking:{booking.pk}:moved:{other.pk}:")
    assert "flyttet jeres booking til en anden opførelse, og den er bekræftet" in " ".join(
        moved.text.split()
    )


def test_a_move_back_and_forth_is_mailed_every_time():
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    booking = book(showing)
    for to in (other, showing, other):
        services.move(booking.pk, to.pk)
    assert Mail.objects.filter(key__startswith=f"booking:{booking.pk}:moved:").count() == 3
    services.move(booking.pk, other.pk)  # already there: nothing happens, nothing mailed
    assert Mail.objects.filter(key__startswith=f"booking:{booking.pk}:moved:").count() == 3


def test_a_booking_confirmed_inside_the_two_days_is_still_reminded_and_a_past_one_not():
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    tomorrow = book(showing, children=10, adults=1)
    over = book(other, "klub-nord", children=5, adults=1)
    showing.starts_at = timezone.now() + timedelta(days=1)
    showing.save()
    other.starts_at = timezone.now() - timedelta(hours=1)
    other.save()
    call_command("send_booking_reminders", verbosity=0)
    keys = set(Mail.objects.filter(key__contains=":reminder:").values_list("key", flat=True))
    assert keys == {f"booking:{tomorrow.pk}:reminder:{showing.pk}"}
    assert over.pk not in {int(key.split(":")[1]) for key in keys}


def test_a_reminder_two_days_before_once_for_confirmed_bookings_only():
    showing = first_showing("skovvejen")
    booking = book(showing, children=30, adults=5)
    waiting = book(showing, "klub-nord", children=10, adults=0)
    showing.starts_at = timezone.now() + timedelta(days=2)
    showing.save()
    call_command("send_booking_reminders", verbosity=0)
    call_command("send_booking_reminders", verbosity=0)
    reminders = Mail.objects.filter(key__contains=":reminder:")
    assert [m.key for m in reminders] == [f"booking:{booking.pk}:reminder:{showing.pk}"]
    assert reminders[0].subject.startswith("Påmindelse:")
    assert not Mail.objects.filter(key=f"booking:{waiting.pk}:reminder:{showing.pk}").exists()
