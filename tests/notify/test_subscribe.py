"""Subscribing without an account: the box on the district page, the house page and
/lukkedage/, double opt-in with a signed link that expires, and no cookie."""

import pytest
from django.core import mail

from notify.models import Subscriber, Subscription
from tests.notify.helpers import link, send, sign_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        (
            "/distrikter/skovvejen/",
            [
                "Lukkedage og alternativ pasning i distrikt Skovvejen",
                "Nye referater fra Forældrebestyrelsen i distrikt Skovvejen",
            ],
        ),
        (
            "/institutioner/boernehuset-valhalla/",
            [
                "Nye tilsynsrapporter for Børnehuset Valhalla",
                "Lukkedage og alternativ pasning i distrikt Skovvejen",
                "Nye referater fra Forældrebestyrelsen i distrikt Skovvejen",
            ],
        ),
        ("/lukkedage/", ["Lukkedage og alternativ pasning i distrikt Skovvejen"]),
    ],
)
def test_the_pages_offer_an_email_sign_up_and_set_no_cookie(client, seed, path, labels):
    response = client.get(path)
    page = response.content.decode()
    assert "Få besked på e-mail" in page
    assert 'action="/abonnement/"' in page
    for label in labels:
        assert label in page
    # Nothing is ticked beforehand: the parent chooses.
    box = page[page.index("Få besked på e-mail") :]
    assert " checked" not in box[: box.index("</form>")]
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in box[: box.index("</form>")]


def test_signing_up_sends_only_a_confirmation_and_sets_no_cookie(client, clock, skovvejen):
    response = sign_up(client, "foraelder@example.dk", f"c{skovvejen.pk}")
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.content.decode()
    assert response.cookies == {}
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "foraelder@example.dk" and not subscriber.is_confirmed
    assert not Subscription.objects.exists()  # the choices wait for the confirmation

    send()
    (message,) = mail.outbox
    assert message.subject == "Bekræft, at du vil have beskeder fra børneportalen"
    assert "Lukkedage og alternativ pasning i distrikt Skovvejen" in message.body
    assert "48 timer" in message.body

    confirm_path = link(message, "/abonnement/bekraeft/")
    # Opening the link (a mail scanner does) changes nothing; the button does.
    page = client.get(confirm_path)
    assert "Ja, send mig beskeder" in page.content.decode()
    assert page.cookies == {}
    assert not Subscriber.objects.get().is_confirmed
    done = client.post(confirm_path)
    assert done.status_code == 200 and done.cookies == {}
    assert "Du får nu beskeder" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == clock.now
    assert list(subscriber.subscriptions.values_list("topic", "district__slug")) == [
        ("lukkedage", "skovvejen")
    ]
    confirmed = clock.now
    clock.advance(hours=1)
    assert client.post(confirm_path).status_code == 200  # a second click changes nothing
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed


def test_the_confirmation_link_expires_after_48_hours_and_the_address_is_deleted(
    client, clock, skovvejen
):
    sign_up(client, "foraelder@example.dk", f"c{skovvejen.pk}")
    send()
    confirm_path = link(mail.outbox[0], "/abonnement/bekraeft/")
    clock.advance(hours=48, seconds=1)
    response = client.post(confirm_path)
    assert response.status_code == 410
    assert "Linket er udløbet" in response.content.decode()
    assert not Subscriber.objects.get().is_confirmed
    send()  # send_notifications cleans up
    assert not Subscriber.objects.exists()


def test_a_confirmed_address_keeps_its_choices_until_a_new_link_is_followed(
    client, clock, skovvejen, valhalla
):
    from tests.notify.helpers import confirm

    confirm(client, "foraelder@example.dk", f"c{skovvejen.pk}")
    # Someone else signs the same address up for more: nothing changes until the owner
    # follows the new link.
    sign_up(client, "foraelder@example.dk", f"r{valhalla.pk}")
    assert Subscription.objects.count() == 1
    send()
    client.post(link(mail.outbox[-1], "/abonnement/bekraeft/"))
    assert Subscription.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "ikke-en-adresse", "choices": ["c1"]}, "Skriv en gyldig e-mailadresse"),
        ({"email": "", "choices": ["c1"]}, "Skriv din e-mailadresse."),
        ({"email": "a@example.dk"}, "Vælg mindst én ting"),
        ({"email": "a@example.dk", "choices": ["x9", "c999999"]}, "Vælg mindst én ting"),
    ],
)
def test_bad_input_gives_a_danish_message_and_changes_nothing(client, seed, data, message):
    if data.get("choices") == ["c1"]:
        from districts.models import District

        data["choices"] = [f"c{District.objects.first().pk}"]
    response = client.post("/abonnement/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()
    assert response.cookies == {}


def test_a_robot_that_fills_the_hidden_field_gets_the_same_answer_and_nothing_happens(
    client, clock, skovvejen
):
    response = sign_up(client, "offer@example.dk", f"c{skovvejen.pk}", website="http://spam")
    assert "Tjek din e-mail" in response.content.decode()
    send()
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_a_link_that_is_not_ours_is_refused(client, seed):
    for path in (
        "/abonnement/bekraeft/abc/",
        "/abonnement/valg/abc/",
        "/abonnement/afmeld/abc/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Linket virker ikke" in response.content.decode()


def test_the_sign_up_page_offers_a_districts_choices(client, seed):
    page = client.get("/abonnement/?distrikt=skovvejen").content.decode()
    assert "Lukkedage og alternativ pasning i distrikt Skovvejen" in page
    assert "Baltorp" not in page[page.index("<main") : page.index("</main>")]
    assert client.get("/abonnement/?distrikt=findes-ikke").status_code == 404


def test_old_unconfirmed_sign_ups_are_deleted_by_the_cleanup(client, clock, skovvejen):
    sign_up(client, "a@example.dk", f"c{skovvejen.pk}")
    clock.advance(hours=47)
    sign_up(client, "b@example.dk", f"c{skovvejen.pk}")
    clock.advance(hours=2)
    send()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["b@example.dk"]


def test_the_same_mailbox_typed_with_a_capital_is_one_subscriber(client, clock, skovvejen):
    """A phone capitalises the first letter: "Mette@…" and "mette@…" are one parent, who
    must not get every notice twice."""
    from tests.notify.helpers import confirm

    confirm(client, "mette@example.dk", f"c{skovvejen.pk}")
    sign_up(client, "Mette@Example.dk", f"b{skovvejen.parent_board.pk}")
    send()
    message = mail.outbox[-1]
    assert message.to == ["mette@example.dk"]
    client.post(link(message, "/abonnement/bekraeft/"))
    (subscriber,) = Subscriber.objects.all()
    assert subscriber.email == "mette@example.dk"
    assert subscriber.subscriptions.count() == 2


@pytest.mark.parametrize(
    "email", ["root@localhost", "postmaster@[127.0.0.1]", "a@[10.0.0.5]", "a@[IPv6:::1]"]
)
def test_addresses_no_parent_has_are_refused_in_danish(client, clock, skovvejen, email):
    """The portal's mail server must not be asked to deliver to itself or an inner host."""
    response = sign_up(client, email, f"c{skovvejen.pk}")
    assert response.status_code == 400
    assert "Skriv en gyldig e-mailadresse" in response.content.decode()
    assert response.content.decode().count("Skriv en gyldig e-mailadresse") == 1
    assert not Subscriber.objects.exists()


def test_a_mistyped_address_keeps_every_choice_the_box_offered(client, clock, valhalla):
    """The parent ticks one choice and mistypes the address: the answer offers all the
    box's choices again, the ticked one still ticked."""
    import re

    page = client.get(valhalla.get_absolute_url()).content.decode()
    form = page[page.index('class="subscribe-form"') :]
    form = form[: form.index("</form>")]
    on_page = re.findall(r'name="choices" value="([^"]+)"', form)
    offered = re.search(r'name="tilbudt" value="([^"]*)"', form).group(1)
    assert len(on_page) >= 2 and offered.split() == on_page
    data = {"email": "forælder@@example", "choices": [on_page[0]], "tilbudt": offered}
    response = client.post("/abonnement/", data)
    assert response.status_code == 400
    answer = response.content.decode()
    assert re.findall(r'name="choices" value="([^"]+)"', answer) == on_page
    assert re.findall(r'name="choices" value="([^"]+)" id="[^"]+" checked', answer) == [on_page[0]]
