"""Kulturtjenesten and the local culture networks: the brochure's facts, the pages, and
each network kept by its own members only."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from core.dates import long_date
from culture.models import CultureService, Event, Meeting, Network, Organisation, Project, Seat
from districts.models import District, Institution, Person
from tests.admin_forms import choices, form_data
from tests.conftest import MAX_PAGE_QUERIES, admin_url, logged_in, login, page_queries

pytestmark = pytest.mark.usefixtures("demo")

SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
BROCHURE = settings.BASE_DIR.parent / "shared" / "seeds" / "000_85f1f5d3261a24a3.txt"


def flat(text):
    """The brochure's words without its line breaks and hyphenations."""
    return " ".join(text.replace("-\n", "").replace("- \n", "").split())


def test_the_fifteen_organisations_in_the_brochures_order():
    assert list(Organisation.objects.values_list("name", flat=True)) == [
        "Ballerup Billedskole og Børnekulturcenter",
        "Aktiv Børnedag",
        "Ballerup Museum",
        "Skoletjenesten i Pederstrup",
        "Ballerup Bibliotekerne",
        "Børnepuljen under Ballerup Kunstråd",
        "Pædagogisk Center",
        "Baltoppen LIVE",
        "Ungdomsskolen",
        "Det lokale idræts- og foreningsliv",
        "Ballerup Musikskole",
        "Ungdomskulturhuset Vognporten",
        "Teaterforeninger for børn og unge",
        "Tapeten Forenings- og frivillighedscenter",
        "Øvrige",
    ]


def test_the_purposes_and_duties_are_the_brochures_words():
    service = CultureService.objects.get()
    purposes = [line[2:] for line in service.service_purposes.splitlines()]
    networks = [line[2:] for line in service.network_purposes.splitlines()]
    assert len(purposes) == 3 and len(networks) == 4
    assert "At varetage opgaverne med at arrangere teaterforestillinger" in networks
    assert len(service.coordinator_duties.splitlines()) == 5
    assert len(service.ambassador_duties.splitlines()) == 4
    brochure = Path(BROCHURE)
    if brochure.exists():  # the seeds folder beside the checkout (not in a bare clone)
        source = flat(brochure.read_text(encoding="utf-8")).replace("- ", "")
        for bullet in purposes + networks:
            assert flat(bullet).replace("- ", "") in source, bullet


def test_a_network_per_district_with_four_seats_and_one_coordinator():
    assert sorted(Network.objects.values_list("district__slug", flat=True)) == SLUGS
    for network in Network.objects.all():
        seats = list(network.seats.all())
        assert len(seats) <= 4
        assert sum(seat.is_coordinator for seat in seats) == 1


def test_a_seat_needs_an_institution_of_the_district_and_of_the_right_kind(client):
    login(client, "admin")
    network = Network.objects.get(district__slug="baltorp")
    coordinator = network.seats.get(is_coordinator=True)
    before = (coordinator.institution_id, coordinator.seat_type)
    page = client.get(admin_url(network))
    data = form_data(page)
    prefix = next(k.split("-")[0] for k in data if k.endswith("-TOTAL_FORMS"))
    row = next(
        i
        for i in range(int(data[f"{prefix}-TOTAL_FORMS"]))
        if data[f"{prefix}-{i}-id"] == str(coordinator.pk)
    )
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")  # Skovvejen
    response = client.post(admin_url(network), data | {f"{prefix}-{row}-institution": valhalla.pk})
    assert "Institutionen hører ikke til netværkets distrikt." in response.content.decode()
    club = Institution.objects.get(slug="klub-syd")
    response = client.post(
        admin_url(network),
        data | {f"{prefix}-{row}-institution": club.pk, f"{prefix}-{row}-seat_type": "skole"},
    )
    assert "kan ikke have pladsen for skolen" in response.content.decode()
    coordinator.refresh_from_db()
    assert (coordinator.institution_id, coordinator.seat_type) == before  # nothing changed


def test_a_new_networks_seats_need_an_institution_of_its_district(client):
    """Added together with the network, a seat is checked as on the network's change
    page: an institution of another district is refused, and nothing is saved."""
    login(client, "admin")
    district = District.objects.create(name="Nyby", slug="nyby")
    page = client.get("/admin/culture/network/add/")
    data = form_data(page)
    prefix = next(k.split("-")[0] for k in data if k.endswith("-TOTAL_FORMS"))
    school = Institution.objects.get(slug="baltorpskolen")
    person = Person.objects.create(name="Fremmed Person")
    data |= {
        "district": district.pk,
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-seat_type": "skole",
        f"{prefix}-0-person": person.pk,
        f"{prefix}-0-institution": school.pk,
        f"{prefix}-0-is_coordinator": "on",
    }
    response = client.post("/admin/culture/network/add/", data)
    assert response.status_code == 200
    assert "Institutionen hører ikke til netværkets distrikt." in response.content.decode()
    assert not Network.objects.filter(district=district).exists()
    assert not Seat.objects.filter(person=person).exists()
    school.districts.add(district)  # of the district: the network and its seat are saved
    assert client.post("/admin/culture/network/add/", data).status_code == 302
    assert Seat.objects.get(person=person).network.district == district


def test_an_institution_keeps_a_type_and_district_its_culture_seats_fit():
    """A district leader cannot make Baltorpskolen a club while two culture seats are
    held from it, nor an administrator take Klub Syd out of Baltorp while Baltorp's club
    seat is: the seat would break the seat rules, and the network's page could no longer
    be saved for a seat nobody touched. The form names the seats; nothing changes."""
    leader = logged_in("leder-baltorp")
    school = Institution.objects.get(slug="baltorpskolen")
    page = leader.get(admin_url(school))
    response = leader.post(admin_url(school), form_data(page) | {"institution_type": "klub"})
    assert response.status_code == 200
    assert (
        "Institutionen har pladsen for fritidsordningen (BFO) i Kulturnetværk Baltorp "
        "(Jens Demo-Hansen), pladsen for skolen i Kulturnetværk Baltorp (Ida Demo-Hansen), "
        "og en klub kan ikke have dem."
    ) in response.content.decode()
    school.refresh_from_db()
    assert school.institution_type == "skole"

    admin = logged_in("admin")
    club = Institution.objects.get(slug="klub-syd")
    hedegaard = District.objects.get(slug="hedegaard")
    page = admin.get(admin_url(club))
    response = admin.post(admin_url(club), form_data(page) | {"districts": [hedegaard.pk]})
    assert response.status_code == 200
    assert (
        "Institutionen har pladsen for klubben i Kulturnetværk Baltorp (Søren Demo-Hansen). "
        "Giv pladsen til en anden institution først"
    ) in response.content.decode()
    assert set(club.districts.values_list("slug", flat=True)) == {"baltorp", "hedegaard"}

    network = Network.objects.get(district__slug="baltorp")
    page = admin.get(admin_url(network))
    response = admin.post(admin_url(network), form_data(page) | {"description": "Ny tekst"})
    assert response.status_code == 302
    for seat in Seat.objects.filter(network=network):
        seat.full_clean()


def test_the_service_page_shows_the_brochure_and_every_network(client):
    page = client.get("/kultur/").content.decode()
    assert "<h1>Kulturtjenesten og de lokale kulturnetværk</h1>" in page
    assert "At varetage opgaverne med at arrangere teaterforestillinger" in page
    assert "Tapeten Forenings- og frivillighedscenter" in page
    assert "Tovholderne fra kommunens administration er endnu ikke registreret." in page
    for slug in SLUGS:
        assert f'href="/kultur/{slug}/"' in page


def test_the_service_text_shows_the_date_of_its_source_so_its_nu_is_not_read_as_today(
    client,
):
    """The goal says "har Ballerup nu organiseret…": the brochure's word, of December
    2015 (its last line: "Ballerup Kommune, december 2015"). The text stays as quoted;
    the page dates it, right after it."""
    source = BROCHURE.read_text(encoding="utf-8") if BROCHURE.exists() else None
    if source is not None:
        assert "Ballerup Kommune, december 2015" in source
        assert "Kulturarbejde med børn og unge i Ballerup Kommunes" in source
    page = client.get("/kultur/").content.decode()
    dated = (
        "Kilde: »Kulturarbejde med børn og unge i Ballerup Kommunes dagtilbud, skoler og "
        "klubber«, Ballerup Kommune, december 2015."
    )
    assert "har Ballerup nu organiseret" in page
    assert page.index("har Ballerup nu organiseret") < page.index(dated)
    assert page.index(dated) < page.index("Derfor har Ballerup")


def test_a_network_without_a_registered_coordinator_says_so(client):
    Seat.objects.filter(network__district__slug="baltorp", is_coordinator=True).delete()
    page = client.get("/kultur/").content.decode()
    assert '<a href="/kultur/baltorp/">Baltorp</a>: ikke registreret</li>' in page


def test_a_network_without_members_or_events_keeps_its_page_and_feed(client):
    Seat.objects.filter(network__district__slug="skovlunde").delete()
    Event.objects.filter(network__district__slug="skovlunde").delete()
    page = client.get("/kultur/skovlunde/").content.decode()
    assert "<h1>Kulturnetværk Skovlunde</h1>" in page
    assert "Netværkets medlemmer er endnu ikke registreret." in page
    feed = client.get("/kultur/skovlunde.ics").content.decode()
    assert "X-WR-CALNAME:Kulturnetværk Skovlunde" in feed and "VEVENT" not in feed
    assert client.get("/kultur/ingen/").status_code == 404
    assert client.get("/kultur/ingen.ics").status_code == 404


def test_a_network_page_shows_members_and_what_is_coming_and_what_was(client):
    network = Network.objects.get(district__slug="skovlunde")
    today = timezone.localdate()
    Event.objects.create(
        network=network,
        title="Snedronningen",
        performer="Teater Vestvolden",
        venue="Skovlunde Skole",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        age_group="3–6 år",
        places_available=12,
    )
    Meeting.objects.create(
        network=network,
        kind="inspirationsdag",
        date=today - datetime.timedelta(days=2),
        minutes="Vi så på musik.",
    )
    page = client.get("/kultur/skovlunde/").content.decode()
    upcoming = page[page.index("Kommende forestillinger") : page.index("Projekter")]
    assert "Snedronningen" in upcoming and "12 ledige pladser." in upcoming
    assert "Vi så på musik." in page[page.index("Det har netværket lavet") :]
    members = page[page.index("Netværkets medlemmer") :]
    assert "Kulturnetværkskoordinator" in members and "Kulturambassadør" in members
    assert "@" not in members  # names and roles only
    # The district page points to its network.
    assert 'href="/kultur/skovlunde/"' in client.get("/distrikter/skovlunde/").content.decode()


def test_staff_text_is_sanitised_on_the_network_page(client):
    network = Network.objects.get(district__slug="baltorp")
    network.description = "<script>alert(1)</script> **Velkommen**"
    network.save()
    page = client.get("/kultur/baltorp/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<strong>Velkommen</strong>" in page


@pytest.mark.parametrize("path", ["/kultur/", "/kultur/baltorp/"])
def test_queries_do_not_grow_with_ten_times_the_data(client, path):
    def queries():
        return len(page_queries(client, path))

    before = queries()
    institutions = list(Institution.objects.all()[:5])
    for network in Network.objects.all():
        for n in range(10):
            event = Event.objects.create(
                network=network,
                title=f"Forestilling {n}",
                venue="Salen",
                starts_at=timezone.now() + datetime.timedelta(days=n - 5),
            )
            event.institutions.set(institutions)
            project = Project.objects.create(network=network, title=f"Projekt {n}")
            project.institutions.set(institutions)
            Meeting.objects.create(
                network=network,
                kind="netvaerksmoede",
                date=timezone.localdate() + datetime.timedelta(days=n - 5),
            )
    assert queries() == before
    assert before <= MAX_PAGE_QUERIES


@pytest.mark.parametrize("target", SLUGS)
@pytest.mark.parametrize("account", ["kultur", "ambassadoer"])
@pytest.mark.parametrize("member", SLUGS)
def test_a_network_is_kept_by_its_own_members_only(client, account, member, target):
    """Each of the ten network accounts (a coordinator and an ambassador per district)
    against each of the five networks."""
    login(client, f"{account}-{member}")
    network = Network.objects.get(district__slug=target)
    event = Event.objects.create(
        network=network,
        title="Original",
        venue="Salen",
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    add = client.get("/admin/culture/event/add/")
    assert add.status_code == 200
    own = Network.objects.get(district__slug=member)
    assert [c for c in choices(add, "network") if c] == [str(own.pk)]
    if member == target:
        page = client.get(admin_url(event))
        assert page.status_code == 200
        response = client.post(admin_url(event), form_data(page) | {"title": "Ændret"})
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.title == "Ændret"
    else:
        assert client.get(admin_url(event)).status_code == 403
        assert client.get(admin_url(network)).status_code == 403
        assert client.get(admin_url(event, "history")).status_code == 403
        assert (
            f"/admin/culture/event/{event.pk}/"
            not in client.get("/admin/culture/event/").content.decode()
        )
        assert client.post(admin_url(event), {"title": "Ændret"}).status_code == 403
        assert client.post(admin_url(event, "delete"), {"post": "yes"}).status_code == 403
        response = client.post(
            "/admin/culture/event/add/",
            form_data(add)
            | {
                "network": network.pk,
                "title": "Snyd",
                "venue": "X",
                "starts_at": "2030-01-01T10:00",
            },
        )
        assert response.status_code == 200
        assert not Event.objects.filter(title="Snyd").exists()
        event.refresh_from_db()
        assert event.title == "Original"
    # Nobody but administrators appoints seats or edits Kulturtjenesten's texts.
    # (Seats are edited only inline on a network's page, by administrators.)
    seat = Seat.objects.filter(network=network).first()
    assert client.post(admin_url(seat), {"is_coordinator": ""}).status_code == 404
    network_page = client.post(admin_url(network), {"description": "Overtaget"})
    # Their own network's form comes back with its errors (the seats are not in it).
    assert network_page.status_code == (200 if member == target else 403)
    seat.refresh_from_db()
    assert Seat.objects.filter(network=network, is_coordinator=True).count() == 1
    service = CultureService.objects.get()
    assert client.post(admin_url(service), {"goal": "Overtaget"}).status_code == 403
    assert CultureService.objects.get().goal != "Overtaget"


@pytest.mark.parametrize("leader", SLUGS)
def test_district_leaders_see_networks_but_keep_nothing_of_them(client, leader):
    login(client, f"leder-{leader}")
    network = Network.objects.get(district__slug=leader)
    assert client.post(admin_url(network), {"description": "Overtaget"}).status_code == 403
    assert client.get("/admin/culture/event/add/").status_code == 403
    network.refresh_from_db()
    assert network.description != "Overtaget"


def test_only_institutions_of_the_own_district_can_take_part(client):
    login(client, "kultur-baltorp")
    page = client.get("/admin/culture/project/add/")
    offered = {int(pk) for pk in choices(page, "institutions")}
    baltorp = District.objects.get(slug="baltorp")
    assert offered == set(baltorp.institutions.values_list("pk", flat=True))


@pytest.mark.parametrize("model", [Event, Project])
def test_an_ambassadors_save_keeps_institutions_they_cannot_pick(client, model):
    """An administrator named a Skovvejen house on a Baltorp performance (or project);
    the Baltorp coordinator corrects the title: the house stays, and the form says so."""
    network = Network.objects.get(district__slug="baltorp")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")  # Skovvejen
    baltorp_house = District.objects.get(slug="baltorp").institutions.order_by("name").first()
    fields = {"venue": "Salen", "starts_at": timezone.now() + datetime.timedelta(days=5)}
    obj = model.objects.create(
        network=network, title="Original", **(fields if model is Event else {})
    )
    obj.institutions.add(valhalla, baltorp_house)
    login(client, "kultur-baltorp")
    page = client.get(admin_url(obj))
    assert page.status_code == 200
    assert str(valhalla.pk) not in choices(page, "institutions")
    assert "Også med: Børnehuset Valhalla." in page.content.decode()
    data = form_data(page) | {"title": "Rettet", "institutions": []}
    assert client.post(admin_url(obj), data).status_code == 302
    obj.refresh_from_db()
    assert obj.title == "Rettet"
    assert list(obj.institutions.all()) == [valhalla]  # the Baltorp house unticked


@pytest.mark.parametrize("model", ["event", "project"])
def test_an_ambassador_with_two_seats_names_no_institution_of_the_other_district(client, model):
    """Klub Syd lies in Baltorp and Hedegård: one of its staff may hold the club seat in
    both networks, and is offered both districts' institutions, but names only the chosen
    network's own on its performances and projects."""
    person = Seat.objects.get(person__user__username="ambassadoer-baltorp").person
    Seat.objects.filter(network__district__slug="hedegaard", seat_type="klub").update(person=person)
    login(client, "ambassadoer-baltorp")
    baltorp = Network.objects.get(district__slug="baltorp")
    hedegaardsskolen = Institution.objects.get(slug="hedegaardsskolen")
    baltorpskolen = Institution.objects.get(slug="baltorpskolen")
    url = f"/admin/culture/{model}/add/"
    add = client.get(url)
    assert str(hedegaardsskolen.pk) in choices(add, "institutions")
    data = form_data(add) | {
        "network": baltorp.pk,
        "title": "Blandet",
        "venue": "Salen",
        "starts_at": (timezone.localtime() + datetime.timedelta(days=9)).strftime("%Y-%m-%dT%H:%M"),
        "institutions": [hedegaardsskolen.pk, baltorpskolen.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Hedegårdsskolen hører ikke til netværkets distrikt, Baltorp." in (
        response.content.decode()
    )
    assert not Event.objects.filter(title="Blandet").exists()
    assert not Project.objects.filter(title="Blandet").exists()
    assert client.post(url, data | {"institutions": [baltorpskolen.pk]}).status_code == 302


def test_an_ambassador_keeps_the_network_too_and_a_handover_takes_the_rights_away(client):
    network = Network.objects.get(district__slug="baltorp")
    event = Event.objects.create(
        network=network,
        title="Original",
        venue="Salen",
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    login(client, "ambassadoer-baltorp")
    seat = Seat.objects.get(person__user__username="ambassadoer-baltorp")
    assert not seat.is_coordinator
    page = client.get(admin_url(event))
    assert (
        client.post(admin_url(event), form_data(page) | {"title": "Ambassadørens"}).status_code
        == 302
    )

    # An administrator gives the seat to someone else: the former holder's rights go at once.
    seat.person = Seat.objects.get(
        network=network, is_coordinator=True
    ).person.__class__.objects.create(name="Ny Ambassadør")
    seat.save()
    assert client.get(admin_url(event)).status_code == 403
    assert client.post(admin_url(event), {"title": "Efter overdragelsen"}).status_code == 403
    event.refresh_from_db()
    assert event.title == "Ambassadørens"


def test_each_networks_events_are_a_calendar_feed(client):
    from icalendar import Calendar

    network = Network.objects.get(district__slug="skovvejen")
    event = Event.objects.create(
        network=network,
        title="Pippi",
        venue="Biblioteket",
        starts_at=timezone.now() + datetime.timedelta(days=9),
    )
    assert 'href="/kultur/skovvejen.ics"' in client.get("/kultur/skovvejen/").content.decode()
    response = client.get("/kultur/skovvejen.ics")
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    entries = Calendar.from_ical(response.content).walk("VEVENT")
    pippi = [e for e in entries if str(e["summary"]) == "Pippi"]
    assert len(pippi) == 1 and str(pippi[0]["uid"]) == f"kultur-{event.pk}@boern.ballerup.dk"
    assert client.get("/kultur/findes-ikke.ics").status_code == 404


def feed_entry(client, title):
    from icalendar import Calendar

    feed = Calendar.from_ical(client.get("/kultur/baltorp.ics").content)
    (entry,) = [e for e in feed.walk("VEVENT") if str(e["summary"]) == title]
    return entry


def test_a_changed_performance_reads_as_an_update_in_the_feed(client):
    """RFC 5545/5546: a calendar keeps the copy with the higher SEQUENCE, then the later
    DTSTAMP. The stamp is the last change, never the (future) start, and stays put
    between changes; a performance moved a day earlier is the newer copy."""
    network = Network.objects.get(district__slug="baltorp")
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    event = Event.objects.create(network=network, title="Flyttet", venue="Salen", starts_at=starts)
    before = feed_entry(client, "Flyttet")
    assert before.decoded("dtstamp") <= timezone.now()
    assert before.decoded("last-modified") == before.decoded("dtstamp")
    assert int(before["sequence"]) == 0
    assert feed_entry(client, "Flyttet").to_ical() == before.to_ical()  # stable
    event.starts_at = starts - datetime.timedelta(days=1)
    event.save()
    after = feed_entry(client, "Flyttet")
    assert int(after["sequence"]) == 1
    assert after.decoded("dtstamp") >= before.decoded("dtstamp")
    assert after.decoded("dtstart") == starts - datetime.timedelta(days=1)


def test_the_district_page_shows_the_networks_next_performance(client):
    network = Network.objects.get(district__slug="baltorp")
    Event.objects.filter(network=network).delete()
    Event.objects.create(
        network=network,
        title="Rødhætte",
        venue="Salen",
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    page = client.get("/distrikter/baltorp/").content.decode()
    assert "Næste forestilling: Rødhætte" in page


def test_an_event_that_ends_before_it_starts_is_refused_in_danish(client):
    login(client, "kultur-baltorp")
    add = client.get("/admin/culture/event/add/")
    network = Network.objects.get(district__slug="baltorp")
    response = client.post(
        "/admin/culture/event/add/",
        form_data(add)
        | {
            "network": network.pk,
            "title": "Baglæns",
            "venue": "Salen",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T09:00",
        },
    )
    assert "Forestillingen kan ikke slutte, før den begynder." in response.content.decode()
    assert not Event.objects.filter(title="Baglæns").exists()


def test_the_district_page_lists_every_coming_performance_of_its_network(client):
    """Issue 23.6: not only the next one."""
    network = Network.objects.get(district__slug="baltorp")
    Event.objects.filter(network=network).delete()
    for days, title in ((2, "Rødhætte"), (9, "Pippi"), (30, "Den grimme ælling")):
        Event.objects.create(
            network=network,
            title=title,
            venue="Salen",
            starts_at=timezone.now() + datetime.timedelta(days=days),
        )
    page = client.get("/distrikter/baltorp/").content.decode()
    box = page[page.index('id="kulturnetvaerk"') :]
    box = box[: box.index("</section>")]
    assert "Næste forestilling: Rødhætte" in box
    assert "Pippi" in box and "Den grimme ælling" in box
    assert box.index("Pippi") < box.index("Den grimme ælling")


def test_seats_read_as_words_and_the_feed_can_be_subscribed(client):
    page = client.get("/kultur/baltorp/").content.decode()
    assert "fritidsordning / bfo" not in page.lower().replace("fritidsordning/bfo", "")
    assert "for fritidsordningen (BFO)" in page
    assert 'href="webcal://testserver/kultur/baltorp.ics"' in page


def test_a_past_meeting_without_a_time_has_no_stray_comma_or_demo_marker(client):
    network = Network.objects.get(district__slug="baltorp")
    network.meetings.all().delete()
    network.meetings.create(
        kind="netvaerksmoede", date=datetime.date(2020, 1, 6), place="Biblioteket"
    )
    page = client.get("/kultur/baltorp/").content.decode()
    assert '<p class="mb-1">Biblioteket</p>' in page
    assert ", Demodata" not in page


def test_the_network_page_splits_by_the_querysets_upcoming_past_current_and_done(client):
    """The page and the querysets agree: an event earlier today is still upcoming (by the
    local date), a finished project is among what the network has done."""
    network = Network.objects.get(district__slug="baltorp")
    Event.objects.filter(network=network).delete()
    Project.objects.filter(network=network).delete()
    Meeting.objects.filter(network=network).delete()
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time(0, 5)))
    Event.objects.create(network=network, title="I morges", venue="Salen", starts_at=midnight)
    Event.objects.create(
        network=network, title="I går", venue="Salen", starts_at=midnight - datetime.timedelta(1)
    )
    for title, status in [("Planlagt", "planlagt"), ("I gang", "i_gang"), ("Færdig", "afsluttet")]:
        Project.objects.create(network=network, title=f"Projekt {title}", status=status)
    Meeting.objects.create(network=network, kind="netvaerksmoede", date=today)
    Meeting.objects.create(
        network=network, kind="netvaerksmoede", date=today - datetime.timedelta(days=1)
    )

    events = Event.objects.filter(network=network)
    assert [e.title for e in events.upcoming()] == ["I morges"]
    assert [e.title for e in events.past()] == ["I går"]
    projects = Project.objects.filter(network=network)
    assert sorted(p.title for p in projects.current()) == ["Projekt I gang", "Projekt Planlagt"]
    assert [p.title for p in projects.done()] == ["Projekt Færdig"]
    meetings = Meeting.objects.filter(network=network)
    assert [m.date for m in meetings.upcoming()] == [today]
    assert [m.date for m in meetings.past()] == [today - datetime.timedelta(days=1)]

    page = client.get("/kultur/baltorp/").content.decode()
    ahead, done = page.split('id="tidligere"', 1)
    for title in ("I morges", "Projekt Planlagt", "Projekt I gang"):
        assert title in ahead and title not in done
    for title in ("I går", "Projekt Færdig"):
        assert title in done and title not in ahead
    assert ahead.count("Netværksmøde") == 1 and done.count("Netværksmøde") == 1


def test_an_ongoing_multi_day_event_is_upcoming_until_it_ends(client):
    """A culture week from yesterday until tomorrow is going on: on the page it is among
    what is coming, not "what has been", and the site search still finds it."""
    network = Network.objects.get(district__slug="baltorp")
    today = timezone.localdate()
    at = lambda day, hour: timezone.make_aware(  # noqa: E731
        datetime.datetime.combine(day, datetime.time(hour))
    )
    Event.objects.create(
        network=network,
        title="Kulturugen",
        venue="Salen",
        starts_at=at(today - datetime.timedelta(days=1), 9),
        ends_at=at(today + datetime.timedelta(days=1), 15),
    )
    Event.objects.create(
        network=network,
        title="Sidste uge",
        venue="Salen",
        starts_at=at(today - datetime.timedelta(days=8), 9),
        ends_at=at(today - datetime.timedelta(days=1), 15),
    )
    events = Event.objects.filter(network=network)
    assert "Kulturugen" in {e.title for e in events.upcoming()}
    assert "Kulturugen" not in {e.title for e in events.past()}
    assert "Sidste uge" in {e.title for e in events.past()}
    page = client.get("/kultur/baltorp/").content.decode()
    ahead, done = page.split('id="tidligere"', 1)
    assert "Kulturugen" in ahead and "Kulturugen" not in done
    assert "Sidste uge" in done and "Sidste uge" not in ahead
    assert "Kulturugen" in client.get("/soeg/", {"q": "Kulturugen"}).content.decode()


def test_a_performance_just_after_midnight_is_shown_on_its_own_local_day(client):
    """00.30 in Copenhagen is 23.30 UTC the day before: the network page names the local
    day, as the performance's own page and the search do."""
    network = Network.objects.get(district__slug="baltorp")
    day = timezone.localdate() + datetime.timedelta(days=40)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 30)))
    Event.objects.create(network=network, title="Natforestilling", venue="Salen", starts_at=starts)
    page = client.get("/kultur/baltorp/").content.decode()
    row = page[page.index("Natforestilling") :]
    assert f"{long_date(day)} kl. 00.30" in row[:400].lower()


def test_a_performance_past_midnight_shows_both_days_and_times(client):
    """22.00 on a Friday until 00.30 on the Saturday: the page names both days, not
    "kl. 22.00–00.30" as if it ended before it began."""
    network = Network.objects.get(district__slug="baltorp")
    friday = datetime.date(2027, 5, 14)
    saturday = friday + datetime.timedelta(days=1)
    at = lambda day, hour, minute: timezone.make_aware(  # noqa: E731
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )
    Event.objects.create(
        network=network,
        title="Natforestilling",
        venue="Salen",
        starts_at=at(friday, 22, 0),
        ends_at=at(saturday, 0, 30),
    )
    page = client.get("/kultur/baltorp/").content.decode()
    row = page[page.index("Natforestilling") :][:600]
    assert "Fredag den 14. maj 2027 kl. 22.00 – lørdag den 15. maj kl. 00.30, Salen" in row, row
