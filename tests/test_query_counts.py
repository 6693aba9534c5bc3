"""Every public page, feed and file makes a small, constant number of queries: at most
``MAX_PAGE_QUERIES``, and as many at ten times the data (every app's ``scale.py``, through
``manage.py create_scale_data``) as at the seed's size.

The module builds both sizes once (committed, outside the tests' transactions), reads
every address at each size, and empties the database after it."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bookings.models import Booking, Offer, Showing
from caching.kept import forget_kept
from core import scale_data
from culture.models import Event, Meeting, Project
from daycare.demo import demo_pdf
from daycare.models import ClosingDay, InspectionReport
from districts.models import District, Institution, Person
from governance.models import Board, BoardMeeting, Bylaws, CouncilMember, Membership
from notify import tokens
from notify.constants import Topic
from notify.models import Subscriber, Subscription
from tests.bookings.helpers import book, calendar_of, first_showing
from tests.conftest import (
    MAX_PAGE_QUERIES,
    empty_committed_database,
    ensure_seed_and_demo,
    page_queries,
)
from tests.public_pages import LOOKED_UP, PUBLIC_FEEDS, PUBLIC_PAGES, looked_up_pages

# Made by this module at the seed's size: a house's booking calendar (with its confirmed
# bookings), a parent's links from the subscription mails and the by-laws' signed copy.
MADE_HERE = (
    "bookingkalender",
    "abonnement-bekraeft",
    "abonnement-valg",
    "abonnement-afmeld",
    "vedtaegter",
)
pytestmark = pytest.mark.django_db

# A fresh process's first request for a page (nothing kept yet, an empty cache).
MAX_FRESH_QUERIES = 16

NAMES = [*PUBLIC_PAGES, *PUBLIC_FEEDS, *LOOKED_UP, *MADE_HERE]

# The rows each app's scale.py makes ten times of.
SCALED = [
    Institution,
    Event,
    Meeting,
    Project,
    ClosingDay,
    InspectionReport,
    Board,
    Membership,
    BoardMeeting,
    CouncilMember,
    Offer,
    Showing,
    Booking,
]


def made_here():
    """The booking calendar of Valhalla, which booked two showings, a confirmed parent's
    links and the demo by-laws' signed copy; returns their addresses."""
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    book(first_showing("skovvejen"))
    book(first_showing("skovlunde"), children=10, adults=2)
    feed = calendar_of("kontakt-valhalla", valhalla.slug)  # its contact person's own
    parent = Subscriber.objects.create(email="foraelder@demo.invalid", confirmed_at=timezone.now())
    hedegaard = District.objects.get(slug="hedegaard")
    Subscription.objects.create(subscriber=parent, topic=Topic.CLOSING_DAYS, district=hedegaard)
    Subscription.objects.create(subscriber=parent, topic=Topic.REPORTS, house=valhalla)
    dagplejens = Board.objects.get(slug="dagplejen", district=None)
    Subscription.objects.create(subscriber=parent, topic=Topic.MINUTES, board=dagplejens)
    codes = [f"c{hedegaard.pk}", f"r{valhalla.pk}", f"b{dagplejens.pk}"]
    bylaws = Bylaws.objects.get(is_demo=True)
    bylaws.signed_pdf.save("vedtaegter.pdf", ContentFile(demo_pdf("Vedtægter")))
    return {
        "vedtaegter": bylaws.get_pdf_url(),
        "bookingkalender": feed.private_url(),
        "abonnement-bekraeft": f"/abonnement/bekraeft/{tokens.confirm_token(parent, codes)}/",
        "abonnement-valg": f"/abonnement/valg/{tokens.link_token(parent, tokens.MANAGE)}/",
        "abonnement-afmeld": f"/abonnement/afmeld/{tokens.link_token(parent, tokens.UNSUBSCRIBE)}/",
    }


def read_all(paths):
    """Each address's SQL, read as a running site reads it (a second request, after a
    first filled what each process keeps per content version), its SQL when nothing is
    kept yet (a fresh process and an empty cache), and its page."""
    found = {}
    for name, path in paths.items():
        status = 404 if name == "404" else 200
        forget_everything()
        reset_queries()  # the log of the last capture: the request would empty it at once
        with CaptureQueriesContext(connection) as cold:
            response = Client().get(path)
        cold_sql = [query["sql"] for query in cold.captured_queries]  # read from the log
        assert response.status_code == status, path
        body = b"".join(response) if response.streaming else response.content
        forget_everything()
        sql = page_queries(Client(), path, status=status)
        found[name] = {
            "sql": sql,
            "cold": cold_sql,
            "page": body.decode("utf-8", "replace"),
        }
    return found


def forget_everything():
    forget_kept()
    cache.clear()


def row_counts():
    return {model.__name__: model.objects.count() for model in SCALED}


def not_demo_counts():
    """The rows that are not demo data: what the scale data must leave alone."""
    counts = {
        model.__name__: model.objects.filter(is_demo=False).count()
        for model in SCALED
        if any(field.name == "is_demo" for field in model._meta.fields)
    }
    counts["Person"] = Person.objects.filter(is_demo=False).count()
    counts["Institution"] = Institution.objects.exclude(name__startswith=scale_data.MARK).count()
    counts["Board"] = Board.objects.exclude(name__startswith=scale_data.MARK).count()
    return counts


def upcoming_counts():
    return {
        "Event": Event.objects.upcoming().count(),
        "Meeting": Meeting.objects.upcoming().count(),
        "ClosingDay": ClosingDay.objects.upcoming().count(),
    }


def counts():
    return {"rows": row_counts(), "upcoming": upcoming_counts(), "not_demo": not_demo_counts()}


@pytest.fixture(scope="module")
def sizes(django_db_setup, django_db_blocker):
    """Every address read at the seed's size and at ten times, with the rows counted."""
    with django_db_blocker.unblock():
        ensure_seed_and_demo()
        paths = {**PUBLIC_PAGES, **PUBLIC_FEEDS, **looked_up_pages(), **made_here()}
        seed = {
            "pages": read_all(paths),
            "rows": row_counts(),
            "upcoming": upcoming_counts(),
            "not_demo": not_demo_counts(),
        }
        call_command("create_scale_data", verbosity=0)
        ten = {
            "pages": read_all(paths),
            "rows": row_counts(),
            "upcoming": upcoming_counts(),
            "not_demo": not_demo_counts(),
        }
        ten["again"] = scale_data.create(10)
        ten["rows_again"] = row_counts()
    yield seed, ten
    with django_db_blocker.unblock():
        empty_committed_database()
    forget_kept()


@pytest.mark.parametrize("name", NAMES)
def test_a_public_address_needs_few_queries_at_the_seeds_size(sizes, name):
    seed, _ten = sizes
    sql = seed["pages"][name]["sql"]
    assert len(sql) <= MAX_PAGE_QUERIES, sql


@pytest.mark.parametrize("name", NAMES)
def test_a_public_address_needs_as_many_queries_at_ten_times_the_data(sizes, name):
    seed, ten = sizes
    before, after = seed["pages"][name]["sql"], ten["pages"][name]["sql"]
    assert len(after) <= MAX_PAGE_QUERIES, after
    assert len(after) == len(before), after  # the same queries, whatever the data size


@pytest.mark.parametrize("name", NAMES)
def test_a_fresh_process_needs_as_many_queries_at_ten_times_the_data(sizes, name):
    # Its first request also reads what each process then keeps (site settings, the
    # next closing day, a district's houses): the same number at both sizes.
    seed, ten = sizes
    before, after = seed["pages"][name]["cold"], ten["pages"][name]["cold"]
    assert len(after) <= MAX_FRESH_QUERIES, after
    assert len(after) == len(before), after


def test_every_app_has_ten_times_its_rows_and_more_of_what_is_coming(sizes):
    seed, ten = sizes
    for model, count in seed["rows"].items():
        assert count, model  # the seed and the demo data have some of each
        assert ten["rows"][model] >= 10 * count, model
    for model, count in seed["upcoming"].items():
        assert ten["upcoming"][model] >= 5 * count, model


def test_a_second_run_adds_nothing(sizes):
    _seed, ten = sizes
    assert ten["again"] == []
    assert ten["rows_again"] == ten["rows"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("institutioner", "Demodata børnehus 1"),
        ("distrikt", "Demodata børnehus"),
        ("kulturnetvaerk", "Demodata forestilling"),
        ("kulturnetvaerk", "Demodata projekt"),
        ("kulturnetvaerk-kalender", "Demodata forestilling"),
        ("kulturforestillinger", "Demodata forestilling"),
        ("lukkedage", "Demodata lukkedag"),
        ("lukkedage-kalender", "Demodata lukkedag"),
        ("tilsyn", "Demodata rapport"),
        ("bestyrelser", "Demodata bestyrelse"),
        ("bestyrelse", "Demodata medlem"),
        ("bookingkalender", "Demodata forestilling"),
    ],
)
def test_the_pages_list_the_ten_times_data(sizes, name, shown):
    # The counts above compare pages that do show the added rows.
    seed, ten = sizes
    assert shown not in seed["pages"][name]["page"]
    assert shown in ten["pages"][name]["page"]


def test_every_row_it_adds_is_demo_data(sizes):
    seed, ten = sizes
    assert ten["not_demo"] == seed["not_demo"]


def test_a_database_with_the_seed_only_gets_rows_in_every_app(seed_only):
    # The benchmark's database has no demo data: each app counts the demo's amounts.
    before = row_counts()
    call_command("create_scale_data", verbosity=0)
    after = row_counts()
    for model in SCALED:
        if model is not Booking:  # bookings are copied from the ones there are: none
            assert after[model.__name__] > before[model.__name__], model
    assert after["Institution"] == 10 * before["Institution"]
    assert after["Board"] == 10 * before["Board"]
    assert Event.objects.upcoming().filter(offer__isnull=False).exists()
