"""Minutes are a parent board's, and a board is not its district (DOMAIN.md): Dagplejen is
in Baltorp's district but sits under Hedegård's board and has a board of its own, and a
district's board covers only its daycare units (001: "forældrerepræsentanter fra
distriktets børnehuse"). A house offers the minutes of the boards that cover it, as its
page's board box lists them; every board's minutes reach its subscribers."""

import datetime
import re

import pytest
from django.core import mail

from districts.models import District
from governance.models import Board, BoardMeeting
from notify import tokens
from notify.constants import Topic
from notify.models import Subscriber, Subscription
from tests.notify.helpers import confirm, link, send, sign_up

pytestmark = pytest.mark.django_db


def box(page):
    """The e-mail sign-up box of a page."""
    start = page.index("Få besked på e-mail")
    return page[start : page.index("</form>", start)]


def minutes_offered(page):
    """The boards whose minutes the box offers: ``{code: label}``."""
    found = re.findall(r'value="(b\d+)" id="besked-b\d+">\s*<label[^>]*>([^<]*)</label>', box(page))
    return dict(found)


def board(**where):
    return Board.objects.get(**where)


def test_dagplejens_page_offers_hedegaards_board_and_its_own_not_baltorps(client, seed):
    hedegaard = board(district__slug="hedegaard")
    own = board(slug="dagplejen", district=None)
    baltorp = board(district__slug="baltorp")
    page = client.get("/institutioner/dagplejen/").content.decode()
    offered = minutes_offered(page)
    assert offered == {
        f"b{hedegaard.pk}": "Nye referater fra Forældrebestyrelsen i distrikt Hedegård",
        f"b{own.pk}": "Nye referater fra Dagplejens forældrebestyrelse",
    }
    assert f"m{District.objects.get(slug='baltorp').pk}" not in box(page)
    assert baltorp.name not in box(page)
    # The full sign-up page for the house offers the same.
    page = client.get("/abonnement/?hus=dagplejen").content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert f'value="b{hedegaard.pk}"' in main and f'value="b{own.pk}"' in main
    assert f'value="b{baltorp.pk}"' not in main and baltorp.name not in main


@pytest.mark.parametrize("slug", ["baltorpskolen", "kasperskolen", "klub-syd"])
def test_a_school_or_a_clubs_page_offers_no_minutes(client, seed, slug):
    page = client.get(f"/institutioner/{slug}/").content.decode()
    assert "Nye referater" not in box(page)
    assert 'value="b' not in box(page) and 'value="m' not in box(page)
    page = client.get(f"/abonnement/?hus={slug}").content.decode()
    assert "Nye referater" not in page[page.index("<main") : page.index("</main>")]


def test_a_districts_page_offers_its_boards_minutes(client, seed):
    hedegaard = board(district__slug="hedegaard")
    for path in ("/distrikter/hedegaard/", "/abonnement/?distrikt=hedegaard"):
        page = client.get(path).content.decode()
        assert f'value="b{hedegaard.pk}"' in page, path
        assert "Nye referater fra Forældrebestyrelsen i distrikt Hedegård" in page, path
    page = client.get("/abonnement/").content.decode()
    for each in Board.objects.filter(district__isnull=False):
        assert f'value="b{each.pk}"' in page


def test_dagplejens_own_boards_minutes_reach_its_subscriber(client, clock, seed):
    own = board(slug="dagplejen", district=None)
    page = client.get("/institutioner/dagplejen/").content.decode()
    assert f'value="b{own.pk}"' in box(page)
    confirm(client, "dagpleje@example.dk", f"b{own.pk}")
    confirmation = mail.outbox[-1]
    assert "Nye referater fra Dagplejens forældrebestyrelse" in confirmation.body
    subscription = Subscription.objects.get(subscriber__email="dagpleje@example.dk")
    assert (subscription.topic, subscription.board_id) == (Topic.MINUTES, own.pk)
    mail.outbox.clear()

    meeting = BoardMeeting.objects.create(
        board=own, date=datetime.date(2026, 11, 26), minutes="Forældremødet planlagt."
    )
    meeting.published = True
    meeting.save()
    meeting.save()  # saved again: still one mail
    send()
    send()
    (message,) = mail.outbox
    assert message.to == ["dagpleje@example.dk"]
    assert message.subject == "Nyt referat fra Dagplejens forældrebestyrelse"
    assert "torsdag den 26. november 2026" in message.body
    assert "http://testserver/bestyrelser/dagplejen/" in message.body


def test_a_district_boards_minutes_do_not_go_to_another_boards_subscribers(clock, seed):
    hedegaard = board(district__slug="hedegaard")
    own = board(slug="dagplejen", district=None)
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    for email, each in (("hede@example.dk", hedegaard), ("egen@example.dk", own)):
        parent = Subscriber.objects.create(email=email, confirmed_at=now)
        Subscription.objects.create(subscriber=parent, topic=Topic.MINUTES, board=each)
    BoardMeeting.objects.create(
        board=hedegaard, date=datetime.date(2026, 11, 24), minutes="Budget.", published=True
    )
    send()
    assert [m.to for m in mail.outbox] == [["hede@example.dk"]]


def test_an_old_district_minutes_link_subscribes_to_the_districts_board(client, clock, seed):
    """A confirmation link sent before minutes were per board carries ``m<district>``:
    followed after the change, it subscribes to that district's board."""
    hedegaard = District.objects.get(slug="hedegaard")
    parent = Subscriber.objects.create(email="gammel@example.dk")
    token = tokens.confirm_token(parent, [f"c{hedegaard.pk}", f"m{hedegaard.pk}"])
    page = client.get(f"/abonnement/bekraeft/{token}/").content.decode()
    assert "Nye referater fra Forældrebestyrelsen i distrikt Hedegård" in page
    response = client.post(f"/abonnement/bekraeft/{token}/")
    assert response.status_code == 200
    subscriptions = Subscription.objects.filter(subscriber=parent)
    assert sorted(subscriptions.values_list("topic", "district_id", "board_id")) == [
        (Topic.CLOSING_DAYS, hedegaard.pk, None),
        (Topic.MINUTES, None, hedegaard.parent_board.pk),
    ]

    # The page for changing the choices, as it was shown before the change (``m…``),
    # keeps the minutes it names.
    manage = re.search(r'href="(/abonnement/valg/[^"]+)"', response.content.decode()).group(1)
    client.post(manage, {"choices": [f"m{hedegaard.pk}"]})
    assert list(subscriptions.values_list("topic", "board_id")) == [
        (Topic.MINUTES, hedegaard.parent_board.pk)
    ]


def test_a_sign_up_form_from_before_names_the_districts_board(client, clock, seed):
    hedegaard = District.objects.get(slug="hedegaard")
    response = sign_up(client, "form@example.dk", f"m{hedegaard.pk}")
    assert response.status_code == 200
    send()
    message = mail.outbox[-1]
    assert "Nye referater fra Forældrebestyrelsen i distrikt Hedegård" in message.body
    client.post(link(message, "/abonnement/bekraeft/"))
    (subscription,) = Subscription.objects.filter(subscriber__email="form@example.dk")
    assert subscription.board_id == hedegaard.parent_board.pk


def test_the_choices_page_names_each_board(client, clock, seed):
    own = board(slug="dagplejen", district=None)
    hedegaard = District.objects.get(slug="hedegaard")
    response = confirm(client, "valg@example.dk", f"b{own.pk}", f"c{hedegaard.pk}")
    manage = re.search(r'href="(/abonnement/valg/[^"]+)"', response.content.decode()).group(1)
    page = client.get(manage).content.decode()
    assert "Nye referater fra Dagplejens forældrebestyrelse" in page
    assert "Lukkedage og alternativ pasning i distrikt Hedegård" in page
    # Hedegård's closing days bring its board's minutes along, not ticked.
    assert "Nye referater fra Forældrebestyrelsen i distrikt Hedegård" in page
