"""The booking pages, public and staff, are valid HTML (the Nu Html Checker)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.models import Evaluation
from tests.bookings.helpers import book, first_showing, offer_of
from tests.conftest import login
from tests.test_html_validity import vnu_errors

pytestmark = pytest.mark.usefixtures("demo")


def test_booking_pages_pass_the_nu_html_checker(client, tmp_path):
    showing = first_showing("skovvejen")
    offer = offer_of("skovvejen")
    book(showing, wheelchair=True, note="Vi kommer med bus.")
    book(showing, "klub-nord", children=38, adults=2)  # waits
    past = book(showing.offer.showings.last(), "skovvejens-skole")
    Evaluation.objects.create(booking=past, rating=5, comment="Godt.")
    pages = {
        "forestilling": offer.get_absolute_url(),
        "forestillinger": "/kultur/skovvejen/forestillinger/?alder=3-5-aar",
    }
    for name, path in pages.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(path).content)
    login(client, "kontakt-valhalla")
    staff_pages = {
        "book": f"/kultur/forestillinger/{offer.pk}/book/",
        "vores": "/booking/",
    }
    bad = client.post(f"/kultur/forestillinger/{offer.pk}/book/", {"children": "x"})
    (tmp_path / "book-fejl.html").write_bytes(bad.content)
    showing.starts_at = timezone.now() - timedelta(days=1)
    showing.save()
    bookings = showing.bookings.filter(institution__slug="boernehuset-valhalla")
    staff_pages["evaluering"] = f"/booking/{bookings.first().pk}/evaluering/"
    for name, path in staff_pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        (tmp_path / f"{name}.html").write_bytes(response.content)
    login(client, "kultur-skovvejen")
    for name, path in {
        "netvaerk": "/booking/netvaerk/",
        "bookinger": f"/booking/netvaerk/{offer.pk}/",
        "deltagerliste": f"/booking/netvaerk/{offer.pk}/deltagerliste/",
    }.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(path).content)
    assert vnu_errors(tmp_path) == []
