"""The site settings: the municipality's contact details in every page's footer, kept by
administrators in the admin (one row, with history), empty until they enter them, and a
change visible at once on every page, cached ones included."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.models import SiteSettings
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.public_pages import EXISTING_PAGES, PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("seed")

ADMIN_LIST = "/admin/pages/sitesettings/"
ADMIN_ADD = ADMIN_LIST + "add/"
DISTRICT = "/distrikter/baltorp/"
NOT_REGISTERED = "Kommunens telefonnummer og e-mailadresse er endnu ikke registreret på portalen."
UNITS = [
    "Center for By, Kultur og Erhverv",
    "Center for Skoler og Institutioner",
    "Pædagogisk Center",
]


def footer(response):
    page = response.content.decode()
    return page[page.index("<footer") :]


def enter_contacts(client, **values):
    """The administrator opens the settings from the admin's list, fills in the form the
    page shows and saves it."""
    form_page = client.get(ADMIN_LIST, follow=True)
    assert form_page.status_code == 200
    data = form_data(form_page)
    data.update(values)
    response = client.post(form_page.redirect_chain[-1][0], data, follow=True)
    assert response.status_code == 200
    assert "errornote" not in response.content.decode()
    return response


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_every_page_names_the_authority_and_the_responsible_units_in_its_footer(client):
    for path in PUBLIC_PAGES.values():
        text = footer(client.get(path))
        assert "Ballerup Kommune" in text, path
        for unit in UNITS:
            assert f"<li>{unit}</li>" in text, (path, unit)
        assert '<a href="/privatliv">Privatliv og cookies</a>' in text, path


def test_the_header_names_the_authority_and_the_site_and_shows_no_logo_unless_configured(client):
    page = client.get("/").content.decode()
    header = page[page.index("<header") : page.index("</header>")]
    assert "Ballerup Kommune" in header
    assert "Børn og unge" in header
    assert "<img" not in header


def test_while_nothing_is_entered_the_footer_says_so_and_invents_nothing(client):
    assert not SiteSettings.objects.exists()
    for path in EXISTING_PAGES.values():
        text = footer(client.get(path))
        assert NOT_REGISTERED in text, path
        assert "tel:" not in text and "mailto:" not in text, path


@pytest.mark.usefixtures("page_cache")
def test_contacts_an_administrator_saves_show_at_once_on_cached_pages(client):
    visitor = Client()
    assert NOT_REGISTERED in footer(visitor.get(DISTRICT))
    assert visitor.get(DISTRICT).headers["X-Page-Cache"] == "hit"

    login(client, "admin")
    enter_contacts(client, phone="44 77 00 00", email="boern@ballerup.example")

    response = visitor.get(DISTRICT)
    assert "X-Page-Cache" not in response.headers  # the cached copy was out of date
    text = footer(response)
    assert '<a href="tel:44770000">44 77 00 00</a>' in text
    assert '<a href="mailto:boern@ballerup.example">boern@ballerup.example</a>' in text
    assert NOT_REGISTERED not in text

    enter_contacts(client, phone="44 77 11 11", email="")
    text = footer(visitor.get("/"))
    assert "44 77 11 11" in text
    assert "mailto:" not in text
    assert "Kommunens e-mailadresse er endnu ikke registreret på portalen." in text

    enter_contacts(client, phone="", email="boern@ballerup.example")
    text = footer(visitor.get("/"))
    assert "tel:" not in text
    assert "Kommunens telefonnummer er endnu ikke registreret på portalen." in text


def test_a_committed_save_shows_on_every_page_read_with_at_most_one_query(
    client, django_capture_on_commit_callbacks
):
    login(client, "admin")
    with django_capture_on_commit_callbacks(execute=True):
        enter_contacts(client, phone="44 77 00 00")
    visitor = Client()
    for path in ["/", DISTRICT, "/was"]:
        with CaptureQueriesContext(connection) as queries:
            text = footer(visitor.get(path))
        assert "44 77 00 00" in text, path
        assert len([q for q in queries.captured_queries if "sitesettings" in q["sql"]]) <= 1


def test_the_history_records_who_changed_what(client):
    login(client, "admin")
    enter_contacts(client, phone="44 77 00 00")
    enter_contacts(client, phone="44 77 11 11")
    row = SiteSettings.objects.get()
    versions = row.history.order_by("history_date")
    assert [v.phone for v in versions] == ["44 77 00 00", "44 77 11 11"]
    assert {v.history_user.username for v in versions} == {"admin"}
    page = client.get(admin_url(row, "history")).content.decode()
    assert "44 77 11 11" in page and "admin" in page


def test_there_is_one_row_which_is_never_added_twice_nor_deleted(client):
    login(client, "admin")
    enter_contacts(client, phone="44 77 00 00")
    row = SiteSettings.objects.get()
    # The admin's list leads straight to the one row.
    assert client.get(ADMIN_LIST)["Location"] == admin_url(row)
    assert client.get(ADMIN_ADD).status_code == 403
    assert client.post(ADMIN_ADD, {"phone": "44 77 99 99"}).status_code == 403
    assert client.get(admin_url(row, "delete")).status_code == 403
    assert client.post(admin_url(row, "delete"), {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.get().phone == "44 77 00 00"


def test_a_bad_phone_number_or_dates_in_the_wrong_order_are_refused_in_danish(client):
    login(client, "admin")
    response = enter_contacts(client, phone="44 77 00 00")
    response = client.get(ADMIN_LIST, follow=True)
    data = form_data(response)
    data.update(phone="ring", statement_prepared="01.09.2026", statement_reviewed="01.08.2026")
    page = client.post(response.redirect_chain[-1][0], data).content.decode()
    assert "Et telefonnummer kan kun have cifre, mellemrum" in page
    assert "Erklæringen kan ikke være gennemgået, før den blev udarbejdet." in page
    assert SiteSettings.objects.get().phone == "44 77 00 00"


def test_a_logo_must_be_one_of_the_portals_own_files_and_then_shows_in_the_header(client):
    login(client, "admin")
    response = client.get(ADMIN_LIST, follow=True)
    data = form_data(response)
    data.update(logo="img/findes-ikke.svg")
    page = client.post(response.redirect_chain[-1][0], data).content.decode()
    assert "Filen »img/findes-ikke.svg« findes ikke blandt portalens statiske filer." in page

    enter_contacts(client, logo="img/favicon.svg")
    page = Client().get("/").content.decode()
    header = page[page.index("<header") : page.index("</header>")]
    assert '<img class="site-logo" src="/static/img/favicon.svg" alt="">' in header


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../ballerup_portal/settings/base.py", "uden »..«"),
        ("../../../etc/passwd", "uden »..«"),
        ("/etc/passwd", "uden »..«"),
        ("img\\..\\..\\manage.py", "uden »..«"),
        ("C:/windows/win.ini", "uden »..«"),
        ("css/portal.css", "Logoet skal være en SVG- eller PNG-fil."),
    ],
)
def test_a_logo_path_outside_the_static_files_gets_a_danish_field_error(client, path, message):
    """Before: the finders raised on ``..`` and the form answered a bare 400."""
    login(client, "admin")
    enter_contacts(client, phone="44 77 00 00")
    response = client.get(ADMIN_LIST, follow=True)
    data = form_data(response)
    data.update(logo=path)
    response = client.post(response.redirect_chain[-1][0], data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'class="errorlist' in page
    assert SiteSettings.objects.get().logo == ""


@pytest.mark.parametrize("account", ["leder-baltorp", "kultur-baltorp"])
def test_staff_who_are_not_administrators_cannot_see_add_or_change_the_settings(client, account):
    row = SiteSettings.objects.create(phone="44 77 00 00")
    login(client, account)
    for url in [ADMIN_LIST, ADMIN_ADD, admin_url(row), admin_url(row, "history")]:
        assert client.get(url).status_code == 403, url
    for url in [ADMIN_ADD, admin_url(row)]:
        response = client.post(url, {"phone": "11 11 11 11", "email": "falsk@example.org"})
        assert response.status_code == 403, url
    assert SiteSettings.objects.get().phone == "44 77 00 00"
    assert SiteSettings.objects.count() == 1
    # Nor does the admin's index offer them.
    assert "sitesettings" not in client.get("/admin/").content.decode()


def test_a_district_leader_cannot_create_the_first_row_either(client):
    login(client, "leder-baltorp")
    assert client.get(ADMIN_ADD).status_code == 403
    assert client.post(ADMIN_ADD, {"phone": "11 11 11 11"}).status_code == 403
    assert not SiteSettings.objects.exists()


def test_every_pages_header_leads_to_help_and_contact(client):
    for path in ("/", "/dagtilbud/vision/", "/findes-ikke/"):
        html = client.get(path).content.decode()
        header = html[html.index("<header") : html.index("</header>")]
        assert '<a class="site-help" href="#footer-kontakt">Hjælp og kontakt</a>' in header
        assert 'id="footer-kontakt"' in html[html.index("<footer") :]
