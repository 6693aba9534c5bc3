"""The private booking calendar belongs to one contact person: each has their own
address per institution, and it answers only while its account is active and still
holds a booking role at the institution (else 404, as for an address never made)."""

import pytest
from django.contrib.auth import get_user_model

from bookings.constants import CONTACT_GROUP
from bookings.models import CalendarFeed
from districts.constants import RoleType
from districts.demo import account, person_of
from districts.models import Person, Role
from tests.bookings.helpers import book, first_showing, institution
from tests.conftest import logged_in, login

pytestmark = pytest.mark.usefixtures("demo")

User = get_user_model()
VALHALLA = "boernehuset-valhalla"


def renew_url():
    return f"/booking/kalender/{institution(VALHALLA).pk}/ny-adresse/"


def second_contact(username="kontakt-valhalla-2"):
    """Another kulturkontaktperson of Valhalla, with their own staff account."""
    person = person_of(account(username, CONTACT_GROUP))
    Role.objects.create(
        person=person, role_type=RoleType.CULTURE_CONTACT, institution=institution(VALHALLA)
    )
    return username


def own_feed(client, username):
    """The address ``username`` gets on "Vores bookinger" (made with "Opret din kalender")."""
    client.post(renew_url())
    return CalendarFeed.objects.get(user__username=username, institution__slug=VALHALLA)


def unknown_answer(client):
    return client.get("/booking/kalender/ikke-en-rigtig-noegle-0123456789abcdef.ics")


def assert_closed(client, feed):
    """404, and nothing that tells it apart from an address that never existed."""
    response = client.get(feed.private_url())
    unknown = unknown_answer(client)
    assert response.status_code == unknown.status_code == 404
    assert response.content == unknown.content
    assert "BEGIN:VCALENDAR" not in response.content.decode()


@pytest.fixture
def contact(client):
    """Valhalla's contact person with a confirmed booking and their own calendar."""
    book(first_showing("skovvejen"))
    login(client, "kontakt-valhalla")
    feed = own_feed(client, "kontakt-valhalla")
    client.logout()  # a calendar program has no session
    assert client.get(feed.private_url()).status_code == 200
    return feed


def test_a_contact_whose_role_is_deleted_loses_their_private_calendar(client, contact):
    """The review's case: a district leader takes the contact off the house."""
    Role.objects.filter(person__user__username="kontakt-valhalla").delete()
    assert_closed(client, contact)


def test_a_deactivated_account_loses_its_private_calendar(client, contact):
    User.objects.filter(username="kontakt-valhalla").update(is_active=False)
    assert_closed(client, contact)


def test_a_person_given_another_account_leaves_the_old_accounts_calendar_closed(client, contact):
    """The role stays with the person; the account that copied the address no longer
    has it."""
    person = Person.objects.get(user__username="kontakt-valhalla")
    person.user = account("kontakt-valhalla-ny", CONTACT_GROUP)
    person.save()
    assert_closed(client, contact)
    # The new account makes its own address.
    feed = own_feed(logged_in("kontakt-valhalla-ny"), "kontakt-valhalla-ny")
    assert feed.token != contact.token
    assert client.get(feed.private_url()).status_code == 200


def test_two_contacts_each_have_their_own_address_and_one_leaving_keeps_the_others(client, contact):
    other = second_contact()
    other_client = logged_in(other)
    theirs = own_feed(other_client, other)
    assert theirs.token != contact.token
    assert CalendarFeed.objects.filter(institution__slug=VALHALLA).count() == 2
    # Each sees only their own address on "Vores bookinger".
    page = other_client.get("/booking/").content.decode()
    assert theirs.private_url() in page
    assert contact.token not in page
    mine = logged_in("kontakt-valhalla").get("/booking/").content.decode()
    assert contact.private_url() in mine
    assert theirs.token not in mine
    # The first contact leaves the house: the other's calendar goes on.
    Role.objects.filter(person__user__username="kontakt-valhalla").delete()
    assert_closed(client, contact)
    response = client.get(theirs.private_url())
    assert response.status_code == 200
    assert "BEGIN:VEVENT" in response.content.decode()


def test_renewing_ones_own_address_leaves_the_other_contacts_address_alone(client, contact):
    other = second_contact()
    other_client = logged_in(other)
    theirs = own_feed(other_client, other)
    renewed = other_client.post(renew_url(), follow=True)
    assert "Din kalender har fået en ny adresse." in renewed.content.decode()
    old, theirs = theirs.token, CalendarFeed.objects.get(pk=theirs.pk)
    assert theirs.token != old
    contact_before = contact.token
    contact.refresh_from_db()
    assert contact.token == contact_before
    assert client.get(contact.private_url()).status_code == 200
    assert client.get(theirs.private_url()).status_code == 200
    assert client.get(f"/booking/kalender/{old}.ics").status_code == 404


def test_the_page_calls_the_address_the_users_own(client):
    login(client, "kontakt-valhalla")
    page = client.post(renew_url(), follow=True).content.decode()
    assert "Din kalender er oprettet." in page
    assert "Det er din private adresse" in page
    assert "del den kun med kolleger" not in page


def test_the_feed_needs_a_few_queries_whatever_the_owner(
    client, contact, django_assert_max_num_queries
):
    """A calendar program fetches it every few minutes: the feed (with its institution
    and owner), the owner's right to book for the house, the bookings and their
    institutions' districts (``test_query_counts`` checks it at ten times the data)."""
    with django_assert_max_num_queries(4):
        assert client.get(contact.private_url()).status_code == 200


BEFORE = [("bookings", "0008_booking_feed_version")]
AFTER = [("bookings", "0009_calendar_feed_per_contact")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_leaves_no_shared_address_without_an_owner(migrating):
    migrate = migrating
    old = migrate(BEFORE)
    OldFeed = old.get_model("bookings", "CalendarFeed")
    OldFeed.objects.create(institution_id=institution(VALHALLA).pk, token="delt-adresse")
    OldFeed.objects.create(institution_id=institution("baltorpskolen").pk, token="delt-2")

    new = migrate(AFTER)
    Feed = new.get_model("bookings", "CalendarFeed")
    assert not Feed.objects.exists()
    # Per-contact addresses go too when going back (one per institution then).
    valhalla = institution(VALHALLA).pk
    for username in ("kontakt-valhalla", "admin"):
        Feed.objects.create(institution_id=valhalla, user_id=User.objects.get(username=username).pk)
    old = migrate(BEFORE)
    assert not old.get_model("bookings", "CalendarFeed").objects.exists()
