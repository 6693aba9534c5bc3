"""Institution pages never dead-end (issue 14): contact fields staff fill, a map search
link, opening hours, houses under a district institution, the next way to get help when
a phone or e-mail is missing, and "Sidst opdateret" from the change history."""

import datetime
import re
from html import unescape
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from core.dates import long_date
from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution, Person, Role
from governance.models import CouncilMember
from pages.models import SiteSettings
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

HOUSE = "boernehuset-grantoften"
RUGVAENGET = "distriktsinstitutionen-rugvaenget"


def text_of(response):
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def contact_box(response):
    html = response.content.decode()
    start = html.index('aria-labelledby="kontakt"')
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html[start:]))).split(
        "Næste lukkedag"
    )[0]


def page(client, slug=HOUSE):
    """The public page, as an anonymous parent sees it (``client`` may be logged in)."""
    return Client().get(f"/institutioner/{slug}/")


@pytest.fixture
def house():
    return Institution.objects.get(slug=HOUSE)


def unreachable(*people):
    for person in people:
        Person.objects.filter(pk=person.pk).update(email="", phone="")


def leaders_of(house):
    return [r.person for r in house.roles.filter(role_type=RoleType.PEDAGOGICAL_LEADER)]


def district_leader(slug="baltorp"):
    return District.objects.get(slug=slug).leader


# --- the next way to get help ---------------------------------------------------------


COMPLETE = {
    "address": "Grantoftevej 1",
    "phone": "44 77 12 34",
    "email": "hus@example.dk",
    "hours_monday": "6.30–17.00",
}


def test_a_house_with_its_whole_contact_needs_no_further_help(client, house):
    Institution.objects.filter(pk=house.pk).update(**COMPLETE)
    box = contact_box(page(client))
    assert "44 77 12 34" in box and "hus@example.dk" in box and "Grantoftevej 1" in box
    assert "endnu ikke registreret" not in box.lower()


def test_each_missing_fact_is_named_as_not_registered_yet(client, house):
    """Issue 23.1: Valhalla had no address and no opening hours, and the page did not say."""
    Institution.objects.filter(pk=house.pk).update(phone="44 77 12 34", email="hus@example.dk")
    box = contact_box(page(client))
    assert "Adresse Endnu ikke registreret" in box
    assert "Åbningstider Endnu ikke registreret" in box
    assert "Institutionens adresse og åbningstider er endnu ikke registreret." in box
    assert "Kontakt husets pædagogiske leder" in box


def test_leaders_without_contact_name_the_next_place_to_ask(client, house):
    Institution.objects.filter(pk=house.pk).update(phone="44 77 12 34", email="hus@example.dk")
    unreachable(*leaders_of(house))
    Institution.objects.filter(slug=RUGVAENGET).update(phone="44 77 55 55")
    Institution.objects.filter(pk=house.pk).update(part_of=Institution.objects.get(slug=RUGVAENGET))
    box = contact_box(page(client))
    assert "Institutionens adresse og åbningstider er endnu ikke registreret." in box
    assert "Kontakt distriktsinstitutionen" in box and "44 77 55 55" in box


def test_without_phone_and_email_the_houses_leaders_come_first(client, house):
    leader = leaders_of(house)[0]
    Person.objects.filter(pk=leader.pk).update(email="leder@example.dk", phone="")
    box = contact_box(page(client))
    assert (
        "Institutionens adresse, telefonnummer, e-mailadresse og åbningstider er endnu ikke "
        "registreret." in box
    )
    assert "Kontakt husets pædagogiske leder" in box
    assert leader.name in box and "leder@example.dk" in box


def test_only_the_missing_field_is_named(client, house):
    Institution.objects.filter(pk=house.pk).update(**(COMPLETE | {"email": ""}))
    box = contact_box(page(client))
    assert "Institutionens e-mailadresse er endnu ikke registreret." in box
    assert "telefonnummer og" not in box


def test_then_the_district_institution_the_house_belongs_to(client, house):
    unreachable(*leaders_of(house))
    rugvaenget = Institution.objects.get(slug=RUGVAENGET)
    Institution.objects.filter(pk=rugvaenget.pk).update(phone="44 77 55 55")
    Institution.objects.filter(pk=house.pk).update(part_of=rugvaenget)
    box = contact_box(page(client))
    assert "Kontakt distriktsinstitutionen" in box
    assert "Distriktsinstitutionen Rugvænget" in box and "44 77 55 55" in box


def test_then_the_district_leader_and_the_districts_own_contact(client, house):
    unreachable(*leaders_of(house))
    District.objects.filter(slug="baltorp").update(phone="44 77 66 66")
    leader = district_leader()
    Person.objects.filter(pk=leader.pk).update(email="distrikt@example.dk")
    box = contact_box(page(client))
    assert "Kontakt distriktet" in box
    assert leader.name in box and "distrikt@example.dk" in box
    assert "Distrikt Baltorp" in box and "44 77 66 66" in box


def test_then_the_municipalitys_contact_from_the_site_settings(client, house):
    unreachable(*leaders_of(house), district_leader())
    SiteSettings.objects.update_or_create(pk=1, defaults={"phone": "44 77 20 00"})
    box = contact_box(page(client))
    assert "Kontakt Ballerup Kommune" in box and "44 77 20 00" in box


def test_with_nothing_registered_anywhere_the_page_says_so_and_points_on(client, house):
    unreachable(*leaders_of(house), district_leader())
    SiteSettings.objects.all().delete()
    response = page(client)
    box = contact_box(response)
    assert "Heller ikke lederne, distriktet eller kommunens kontaktoplysninger" in box
    assert 'href="/distrikter/baltorp/"' in response.content.decode().split('id="kontakt"')[1]


def test_a_school_without_leaders_falls_back_to_its_district(client):
    unreachable(district_leader())
    District.objects.filter(slug="baltorp").update(email="baltorp@example.dk")
    box = contact_box(page(client, "baltorpskolen"))
    assert "Kontakt distriktet" in box and "baltorp@example.dk" in box


# --- contact fields, map, opening hours ---------------------------------------------


def test_staff_fill_in_address_hours_and_age_group_and_the_page_shows_them(
    client, administrator, house
):
    form = administrator.get(admin_url(house))
    data = form_data(form) | {
        "address": "Grantoftevej 1",
        "postal_code": "2750",
        "city": "Ballerup",
        "age_group": "0–6 år",
        "places": "84",
        "website": "grantoften.example.dk",
        "hours_monday": "6.30-17",
        "hours_friday": "6:30 – 16",
        "hours_saturday": "lukket",
    }
    response = administrator.post(admin_url(house), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    house.refresh_from_db()
    assert (house.hours_monday, house.hours_friday, house.hours_saturday) == (
        "6.30–17.00",
        "6.30–16.00",
        "Lukket",
    )
    response = page(client)
    box = contact_box(response)
    assert "Grantoftevej 1, 2750 Ballerup" in box
    assert "Mandag 6.30–17.00" in box and "Fredag 6.30–16.00" in box and "Lørdag Lukket" in box
    assert "Tirsdag" not in box
    assert "Pladser 84" in box
    assert "Børnehus · 0–6 år" in text_of(response)
    html = response.content.decode()
    assert (
        'href="https://www.openstreetmap.org/search?query=Grantoftevej+1%2C+2750+Ballerup"' in html
    )
    assert "<iframe" not in html
    # Links that leave the portal say so in words.
    assert "Find vej på et kort (OpenStreetMap) (ekstern side)" in box
    assert "https://grantoften.example.dk (ekstern side)" in box


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("hele dagen", "Skriv åbningstiden som fx 6.30–17.00, eller »lukket«."),
        ("25-30", "»25-30« er ikke et klokkeslæt på døgnet."),
        ("17-6.30", "Lukketiden skal være efter åbningstiden."),
        ("<script>", "Skriv åbningstiden som fx 6.30–17.00, eller »lukket«."),
    ],
)
def test_unreadable_opening_hours_are_refused_in_danish(administrator, house, typed, message):
    form = administrator.get(admin_url(house))
    response = administrator.post(admin_url(house), form_data(form) | {"hours_monday": typed})
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    house.refresh_from_db()
    assert house.hours_monday == ""


# --- houses under a district institution ---------------------------------------------


def test_a_house_is_made_part_of_its_district_institution_and_both_pages_show_it(
    client, administrator, house
):
    rugvaenget = Institution.objects.get(slug=RUGVAENGET)
    form = administrator.get(admin_url(house))
    response = administrator.post(admin_url(house), form_data(form) | {"part_of": rugvaenget.pk})
    assert response.status_code == 302
    assert "Børnehuset hører under Distriktsinstitutionen Rugvænget" in text_of(page(client))
    text = text_of(page(client, RUGVAENGET))
    assert "Børnehuse i distriktsinstitutionen Børnehuset Grantoften" in text
    assert house.history.first().part_of_id == rugvaenget.pk


def test_a_district_institution_without_houses_registered_says_nothing_about_its_houses(
    client,
):
    """The sources do not say that a district institution comprises houses: without
    houses registered under it the page asserts nothing about them."""
    text = text_of(page(client, RUGVAENGET))
    assert "Distriktsinstitutionen Rugvænget" in text
    assert "Børnehuse i distriktsinstitutionen" not in text
    assert "hver for sig" not in text


def test_a_house_in_another_district_cannot_be_part_of_it(administrator):
    house = Institution.objects.get(slug="boernehuset-valhalla")  # Skovvejen
    rugvaenget = Institution.objects.get(slug=RUGVAENGET)  # Baltorp
    form = administrator.get(admin_url(house))
    response = administrator.post(admin_url(house), form_data(form) | {"part_of": rugvaenget.pk})
    assert response.status_code == 200
    assert "skal høre til samme distrikt" in response.content.decode()
    house.refresh_from_db()
    assert house.part_of is None


def test_only_a_daycare_house_can_be_part_of_a_district_institution(administrator):
    school = Institution.objects.get(slug="baltorpskolen")
    rugvaenget = Institution.objects.get(slug=RUGVAENGET)
    form = administrator.get(admin_url(school))
    response = administrator.post(admin_url(school), form_data(form) | {"part_of": rugvaenget.pk})
    assert response.status_code == 200
    assert "Kun et børnehus kan høre under en distriktsinstitution." in response.content.decode()
    school.refresh_from_db()
    assert school.part_of is None


def test_a_district_institution_with_houses_keeps_its_type_and_cannot_be_deleted(
    administrator, house
):
    rugvaenget = Institution.objects.get(slug=RUGVAENGET)
    Institution.objects.filter(pk=house.pk).update(part_of=rugvaenget)
    Role.objects.filter(institution=rugvaenget).delete()
    form = administrator.get(admin_url(rugvaenget))
    response = administrator.post(
        admin_url(rugvaenget),
        form_data(form) | {"institution_type": InstitutionType.DAYCARE_HOUSE},
    )
    assert response.status_code == 200
    assert "Der hører børnehuse under distriktsinstitutionen." in response.content.decode()
    response = administrator.post(admin_url(rugvaenget, "delete"), {"post": "yes"})
    assert Institution.objects.filter(pk=rugvaenget.pk).exists()
    assert Institution.objects.get(pk=house.pk).part_of_id == rugvaenget.pk


def test_a_leader_offers_only_their_own_districts_district_institutions(client, house):
    login(client, "leder-baltorp")
    response = client.get(admin_url(house))
    html = response.content.decode()
    start = html.index('name="part_of"')
    select = html[start : html.index("</select>", start)]
    assert "Rugvænget" in select
    assert "Østerhøj" not in select and "Hede-/Magleparken" not in select


# --- "Sidst opdateret" ---------------------------------------------------------------


def backdate(model, pk_field, pk, when):
    model.history.model.objects.filter(**{pk_field: pk}).update(history_date=when)


def test_last_updated_follows_an_edit_of_the_institution(client, administrator, house):
    old = timezone.make_aware(datetime.datetime(2025, 1, 3, 12, 0))
    backdate(Institution, "id", house.pk, old)
    Role.history.model.objects.filter(institution_id=house.pk).update(history_date=old)
    people = Role.objects.filter(institution_id=house.pk).values("person_id")
    Person.history.model.objects.filter(id__in=people).update(history_date=old)
    CouncilMember.history.model.objects.filter(house_id=house.pk).update(history_date=old)
    assert "Sidst opdateret fredag den 3. januar 2025" in text_of(page(client))

    form = administrator.get(admin_url(house))
    assert administrator.post(admin_url(house), form_data(form) | {"phone": "44 77 12 34"})
    today = timezone.localdate()
    assert f"Sidst opdateret {long_date(today)}" in text_of(page(client))


def test_last_updated_follows_a_new_leader_of_the_house(client, house):
    old = timezone.make_aware(datetime.datetime(2025, 1, 3, 12, 0))
    backdate(Institution, "id", house.pk, old)
    Role.history.model.objects.filter(institution_id=house.pk).update(history_date=old)
    person = Person.objects.create(name="Ny Leder")
    Role.objects.create(person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    assert "Sidst opdateret fredag den 3. januar 2025" not in text_of(page(client))


def test_last_updated_on_a_district_page_follows_an_edit(client, administrator):
    district = District.objects.get(slug="skovlunde")
    old = timezone.make_aware(datetime.datetime(2025, 6, 2, 9, 0))
    backdate(District, "id", district.pk, old)
    Role.history.model.objects.filter(district_id=district.pk).update(history_date=old)
    people = Role.objects.filter(district_id=district.pk).values("person_id")
    Person.history.model.objects.filter(id__in=people).update(history_date=old)
    houses = district.institutions.values("pk")
    Institution.history.model.objects.filter(id__in=houses).update(history_date=old)
    text = text_of(client.get("/distrikter/skovlunde/"))
    assert "Sidst opdateret mandag den 2. juni 2025" in text
    form = administrator.get(admin_url(district))
    response = administrator.post(
        admin_url(district), form_data(form) | {"email": "skovlunde@example.dk"}
    )
    assert response.status_code == 302
    text = text_of(client.get("/distrikter/skovlunde/"))
    assert "Sidst opdateret mandag den 2. juni 2025" not in text
    assert "Sidst opdateret" in text
    assert "skovlunde@example.dk" in text


def test_every_seeded_institution_and_district_page_says_when_it_was_last_updated(client):
    for institution in Institution.objects.all():
        assert "Sidst opdateret" in text_of(page(client, institution.slug)), institution.slug
    for district in District.objects.all():
        assert "Sidst opdateret" in text_of(client.get(district.get_absolute_url()))


def test_with_last_changed_gives_every_row_its_newest_change_in_one_query(
    django_assert_num_queries,
):
    """The querysets the pages use: the newest of the row's own history, its roles', the
    people's in those roles and, for a house, its council's (governance adds it), for a
    district, its houses'."""

    def newest(*histories):
        return max(h.latest("history_date").history_date for h in histories if h.exists())

    with django_assert_num_queries(1):
        institutions = list(Institution.objects.with_last_changed())
    with django_assert_num_queries(1):
        districts = list(District.objects.with_last_changed())
    for institution in institutions[:10]:
        roles = Role.history.filter(institution_id=institution.pk)
        own = Institution.history.filter(id=institution.pk)
        people = Person.history.filter(
            id__in=Role.objects.filter(institution_id=institution.pk).values("person_id")
        )
        council = CouncilMember.history.filter(house_id=institution.pk)
        assert institution.last_changed == newest(own, roles, people, council)
    for district in districts:
        roles = Role.history.filter(district_id=district.pk)
        own = District.history.filter(id=district.pk)
        people = Person.history.filter(
            id__in=Role.objects.filter(district_id=district.pk).values("person_id")
        )
        houses = Institution.history.filter(id__in=district.institutions.values("pk"))
        assert district.last_changed == newest(own, roles, people, houses)


def test_a_leaders_new_phone_number_and_a_new_house_move_the_last_updated_date(client):
    later = timezone.now() + datetime.timedelta(days=30)
    role = Role.objects.filter(institution__isnull=False).first()
    with mock.patch("django.utils.timezone.now", return_value=later):
        role.person.phone = "44 77 12 34"
        role.person.save()
    house = Institution.objects.with_last_changed().get(pk=role.institution_id)
    assert house.last_changed == later
    district = District.objects.get(slug="baltorp")
    much_later = later + datetime.timedelta(days=30)
    with mock.patch("django.utils.timezone.now", return_value=much_later):
        new = Institution.objects.create(name="Børnehuset Nyt", institution_type="boernehus")
        new.districts.add(district)
    assert District.objects.with_last_changed().get(pk=district.pk).last_changed == much_later


@pytest.mark.parametrize("side", ["institution", "district", "cleared"])
def test_a_house_taken_out_of_a_district_moves_its_last_updated_date(side):
    """Its page lists its houses; one taken out is a change (and in its history, with
    the house's name as the reason)."""
    district = District.objects.get(slug="baltorp")
    house = district.institutions.order_by("name").first()
    later = timezone.now() + datetime.timedelta(days=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        if side == "institution":
            house.districts.remove(district)
        elif side == "district":
            district.institutions.remove(house)
        else:
            house.districts.clear()
    assert District.objects.with_last_changed().get(pk=district.pk).last_changed == later
    record = District.history.filter(id=district.pk).latest("history_date")
    assert record.history_change_reason == f"Fjernet fra distriktet: {house.name}"


def test_a_deleted_house_moves_its_districts_last_updated_date(client):
    """Its links go without an m2m_changed signal; the district's page changes all the
    same (the house is gone from it), and its history says which house went."""
    district = District.objects.get(slug="baltorp")
    house = Institution.objects.create(
        name="Børnehuset Kortlivet", institution_type=InstitutionType.DAYCARE_HOUSE
    )
    house.districts.add(district)
    later = timezone.now() + datetime.timedelta(days=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        house.delete()
    assert District.objects.with_last_changed().get(pk=district.pk).last_changed == later
    day = long_date(timezone.localdate(later))
    assert f"Sidst opdateret {day}" in text_of(client.get("/distrikter/baltorp/"))
    record = District.history.filter(id=district.pk).latest("history_date")
    assert record.history_change_reason == "Institution slettet: Børnehuset Kortlivet"


def test_a_house_taken_out_in_the_admin_shows_in_the_districts_history(administrator):
    district = District.objects.get(slug="skovlunde")
    # A house with parents on the district's board stays in it (test_house_council_ties).
    house = district.institutions.filter(board_parents=None).order_by("name").first()
    form = administrator.get(admin_url(house))
    data = form_data(form)
    data["districts"] = [
        pk for pk in house.districts.values_list("pk", flat=True) if pk != district.pk
    ] or [District.objects.exclude(pk=district.pk).first().pk]
    assert administrator.post(admin_url(house), data).status_code == 302
    assert not district.institutions.filter(pk=house.pk).exists()
    history = administrator.get(admin_url(district, "history")).content.decode()
    assert f"Fjernet fra distriktet: {house.name}" in history
