"""The booking mails: put in the shared outbox in the booking's own transaction, Danish,
plain text and HTML, once each; sent by ``send_notifications``."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bookings import mails, services
from core.dates import long_date
from outbox.models import Mail
from tests.bookings.helpers import book, first_showing

pytestmark = pytest.mark.usefixtures("demo")


def send():
    call_command("send_notifications", verbosity=0)


def reminder_key(booking, showing):
    return f"booking:{booking.pk}:reminder:{showing.pk}:{mails.start_key(showing.starts_at)}"


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
    assert keys == {reminder_key(tomorrow, showing)}
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
    assert [m.key for m in reminders] == [reminder_key(booking, showing)]
    assert reminders[0].subject.startswith("Påmindelse:")
    assert not Mail.objects.filter(key__startswith=f"booking:{waiting.pk}:reminder:").exists()


def test_a_postponed_showing_is_reminded_again_before_its_new_date():
    showing = first_showing("skovvejen")
    booking = book(showing, children=10, adults=1)
    now = timezone.now()
    showing.starts_at = now + timedelta(days=1)
    showing.save()
    call_command("send_booking_reminders", verbosity=0)
    send()
    # The company falls ill: the network moves the showing a week on.
    showing.starts_at = now + timedelta(days=8)
    showing.save()
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(days=7)):
        call_command("send_booking_reminders", verbosity=0)
        call_command("send_booking_reminders", verbosity=0)
        send()
    reminders = [m for m in mail.outbox if m.subject.startswith("Påmindelse:")]
    assert len(reminders) == 2
    new_day = long_date(timezone.localdate(showing.starts_at))
    assert new_day.capitalize() in reminders[1].body
    assert Mail.objects.filter(key__startswith=f"booking:{booking.pk}:reminder:").count() == 2


def test_a_reminder_queued_before_the_start_was_in_its_key_is_not_sent_again():
    """Reminders put in the outbox by the earlier version (key: booking and showing) count
    for the showing's start they were made for: the first run after an upgrade adds none."""
    showing = first_showing("skovvejen")
    booking = book(showing, children=10, adults=1)
    showing.starts_at = timezone.now() + timedelta(days=1)
    showing.save()
    outbox_enqueue_legacy(booking, showing)
    call_command("send_booking_reminders", verbosity=0)
    assert Mail.objects.filter(key__startswith=f"booking:{booking.pk}:reminder:").count() == 1
    showing.starts_at = timezone.now() + timedelta(days=8)  # postponed: reminded again
    showing.save()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=7)):
        call_command("send_booking_reminders", verbosity=0)
    assert Mail.objects.filter(key=reminder_key(booking, showing)).exists()


def outbox_enqueue_legacy(booking, showing):
    import outbox

    outbox.enqueue(
        key=f"booking:{booking.pk}:reminder:{showing.pk}",
        to=booking.contact_email,
        subject="Påmindelse",
        text="En påmindelse.",
    )


def test_a_new_time_in_the_admin_tells_every_booking_once(client):
    from tests.admin_forms import form_data
    from tests.conftest import admin_url, login

    showing = first_showing("skovvejen")
    confirmed = book(showing, children=30, adults=5)
    waiting = book(showing, "klub-nord", children=10, adults=0)
    cancelled = book(showing, "skovvejens-skole", children=2, adults=0)
    services.cancel(cancelled.pk)
    login(client, "kultur-skovvejen")
    data = form_data(client.get(admin_url(showing.offer)))
    index = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(showing.pk))
    new_time = timezone.localtime(showing.starts_at) + timedelta(days=1, hours=2)
    data[index.replace("-id", "-starts_at")] = f"{new_time:%Y-%m-%dT%H:%M}"
    response = client.post(admin_url(showing.offer), data, follow=True)
    assert "2 bookinger til opførelsen" in response.content.decode()
    send()
    changed = [m for m in mail.outbox if m.subject.startswith("Tidspunktet er ændret:")]
    assert len(changed) == 2  # the confirmed and the waiting group, not the cancelled one
    texts = " ".join(" ".join(m.body.split()) for m in changed)
    assert f"kl. {new_time:%H.%M}" in texts
    assert "Jeres booking gælder den nye tid." in texts
    assert "I står stadig på ventelisten som nr. 1." in texts
    keys = Mail.objects.filter(key__contains=":rescheduled:").values_list("key", flat=True)
    assert {int(key.split(":")[1]) for key in keys} == {confirmed.pk, waiting.pk}
    # The same form saved again (nothing changed) tells nobody again.
    data = form_data(client.get(admin_url(showing.offer)))
    client.post(admin_url(showing.offer), data)
    assert Mail.objects.filter(key__contains=":rescheduled:").count() == 2


def test_a_right_to_left_group_name_keeps_the_mails_lines_in_order():
    """ "Valhalla: <group>, 18 børn og 3 voksne": an Arabic group name is isolated in the
    plain text (U+2068 … U+2069) and in the HTML (<bdi>), so the rest keeps its order."""
    book(first_showing("skovvejen"), group_name="ليلى حسن")
    send()
    (message,) = mail.outbox
    assert "\u2068ليلى حسن\u2069, 18 børn og 3 voksne" in message.body
    assert "<bdi>ليلى حسن</bdi>, 18 børn og 3 voksne" in message.alternatives[0][0]
    assert "Rødstuen" not in message.body and "\u2068Børnehuset Valhalla" not in message.body
