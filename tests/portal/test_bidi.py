"""A name written right to left, or with a direction character, does not turn the line
it stands in: public pages write it in ``<bdi>``, and staff forms refuse a direction
character that is never closed (``core.bidi``)."""

import re
from html import escape

import pytest

from core.bidi import isolate, needs_isolation, unclosed_controls
from culture.models import Event, Seat
from districts.constants import RoleType
from districts.models import District, Institution, Person, Role
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.public_pages import EXISTING_PAGES

pytestmark = pytest.mark.usefixtures("demo")

ARABIC = "ليلى حسن"
OVERRIDE = "\u202eesuhnrøB"  # shown as "Børnhuse" turned round, and the rest of the line


def body(page):
    """The page's visible body: the head (title, description) cannot hold ``<bdi>``, nor
    can an attribute (the search box's value)."""
    return re.sub(r'="[^"]*"', '=""', page[page.index("<body") :])


def isolated_everywhere(page, name):
    """How often ``name`` is on the page; every time inside ``<bdi>``."""
    text = escape(name, quote=False)
    shown = body(page).count(text)
    # In <bdi>, or in a text isolated by U+2068 … U+2069 (a label a mail shows too).
    bare = re.sub(r"<bdi>[^<]*</bdi>|\u2068[^\u2069]*\u2069", "", body(page)).count(text)
    assert bare == 0, (name, shown, bare)
    return shown


def test_isolate_wraps_only_what_could_turn_the_line():
    assert isolate("Børnehuset Måløv By") == "Børnehuset Måløv By"
    assert isolate("Детский сад Ωmega <1>") == "Детский сад Ωmega &lt;1&gt;"
    assert isolate(ARABIC) == f"<bdi>{ARABIC}</bdi>"
    assert isolate("שלום & co") == "<bdi>שלום &amp; co</bdi>"
    assert isolate(OVERRIDE) == f"<bdi>{OVERRIDE}</bdi>"
    assert isolate("a\u2066b\u2069") == "<bdi>a\u2066b\u2069</bdi>"
    assert isolate(None) == "" and not needs_isolation("")


def test_unclosed_direction_characters_are_found():
    assert unclosed_controls("Børnehuset") == []
    assert unclosed_controls(ARABIC) == []
    assert unclosed_controls(OVERRIDE) == ["U+202E"]
    assert unclosed_controls("\u202bروضة\u202c og \u2067حسن\u2069") == []  # closed
    assert unclosed_controls("\u202c") == ["U+202C"]  # a close without its opener
    assert unclosed_controls("\u2066a\u202cb\u2069") == ["U+202C"]
    assert unclosed_controls("\u202aa\u2069") == ["U+2069", "U+202A"]


@pytest.fixture
def right_to_left_names():
    """Baltorp's district leader, a house with its pedagogical leader and culture seat,
    and a performance, named right to left."""
    baltorp = District.objects.get(slug="baltorp")
    leader = Role.objects.filter(role_type=RoleType.DISTRICT_LEADER, district=baltorp).first()
    leader.person.name = ARABIC
    leader.person.save()
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    house.name = OVERRIDE
    house.save()
    pedagogue = Person.objects.create(name="עדן כהן", email="eden@example.invalid")
    Role.objects.create(person=pedagogue, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    seat = Seat.objects.filter(network__district=baltorp).exclude(person=None).first()
    seat.person.name = "נועה לוי"
    seat.person.save()
    event = Event.objects.filter(network__district=baltorp).first()
    event.title, event.performer, event.venue = "مسرح الأطفال", "فرقة النور", "القاعة"
    event.save()
    event.institutions.add(house)
    return ARABIC, OVERRIDE, "עדן כהן", "נועה לוי", "مسرح الأطفال", "فرقة النور", "القاعة"


def test_every_public_page_writes_right_to_left_names_in_bdi(client, right_to_left_names):
    shown = dict.fromkeys(right_to_left_names, 0)
    paths = [
        *EXISTING_PAGES.values(),
        "/kultur/baltorp/",
        "/kultur/baltorp/forestillinger/",
        "/lukkedage/baltorp/",
        "/bestyrelser/baltorp/",
        Event.objects.get(title="مسرح الأطفال").offer.get_absolute_url(),
        f"/soeg/?q={ARABIC}",  # found, and the query echoed
        "/soeg/?q=فرقة",  # found as performer: the title in the results
        f"/soeg/?q={ARABIC}xyz",  # nothing found, the query echoed
    ]
    for path in paths:
        page = client.get(path).content.decode()
        for name in right_to_left_names:
            shown[name] += isolated_everywhere(page, name)
    # Each name was on some page (the test looked where they are).
    assert all(shown.values()), shown


def test_the_leader_line_keeps_its_order(client, right_to_left_names):
    page = client.get("/dagtilbud/organisering/").content.decode()
    assert f'<span class="person-name"><bdi>{ARABIC}</bdi></span>' in page


def test_staff_cannot_save_a_name_with_an_unclosed_override(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    login(client, "leder-baltorp")
    page = client.get(admin_url(house))
    response = client.post(admin_url(house), form_data(page) | {"name": OVERRIDE})
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        "Teksten har et usynligt tegn, der vender skriveretningen (U+202E), uden det tegn, "
        "der afslutter det."
    ) in content
    house.refresh_from_db()
    assert house.name == "Børnehuset Bispevangen"


@pytest.mark.parametrize("name", [ARABIC, "\u202bروضة\u202c Bispevangen", "Bispevangen"])
def test_staff_save_right_to_left_names_and_closed_direction_characters(client, name):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    login(client, "leder-baltorp")
    page = client.get(admin_url(house))
    response = client.post(admin_url(house), form_data(page) | {"name": name})
    assert response.status_code == 302
    house.refresh_from_db()
    assert house.name == name


def test_a_culture_ambassador_cannot_save_an_unclosed_override_in_a_performance(client):
    event = Event.objects.filter(network__district__slug="skovlunde").first()
    login(client, "ambassadoer-skovlunde")
    url = admin_url(event)
    response = client.post(url, form_data(client.get(url)) | {"title": f"Teater {OVERRIDE}"})
    assert response.status_code == 200
    assert "usynligt tegn, der vender skriveretningen" in response.content.decode()


def test_a_booking_with_an_unclosed_override_in_the_group_name_is_refused(client):
    from bookings.models import Booking
    from tests.bookings.helpers import DETAILS, first_showing, institution

    showing = first_showing("skovvejen")
    login(client, "kontakt-valhalla")
    data = DETAILS | {
        "institution": institution("boernehuset-valhalla").pk,
        "showing": showing.pk,
        "group_name": f"Rødstuen {OVERRIDE}",
    }
    response = client.post(f"/kultur/forestillinger/{showing.offer.pk}/book/", data)
    assert response.status_code == 200
    assert "usynligt tegn, der vender skriveretningen (U+202E)" in response.content.decode()
    assert not Booking.objects.exists()


def test_the_staff_booking_pages_write_right_to_left_names_in_bdi(client):
    """A group named in Arabic on the contact person's and the network's pages: in
    <bdi>, so "Valhalla: <group>, 18 børn og 3 voksne" keeps its order."""
    from tests.bookings.helpers import book, first_showing

    showing = first_showing("skovvejen")
    booking = book(showing, group_name=ARABIC)
    login(client, "kontakt-valhalla")
    assert isolated_everywhere(client.get("/booking/").content.decode(), ARABIC) >= 1
    login(client, "admin")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    assert isolated_everywhere(page, ARABIC) >= 1
    assert booking.group_name == ARABIC
