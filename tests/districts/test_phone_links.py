"""A phone number is shown as staff typed it, and dialled by its digits: the validator
accepts non-breaking and thin spaces and Unicode hyphens (copied from documents), and the
``tel:`` address must then hold none of them."""

import pytest

from core.rows import PersonText
from core.validators import phone_link
from districts.models import Institution
from pages.models import SiteSettings

pytestmark = pytest.mark.usefixtures("demo")

TYPED = "44\u00a077\u2009 00\u202f00"


def test_the_link_is_the_digits_and_a_leading_plus():
    assert phone_link(TYPED) == "44770000"
    assert phone_link("+45 (44) 77‐00‐00") == "+4544770000"
    assert phone_link("") == ""


def test_a_house_page_dials_the_digits(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    house.phone = TYPED
    house.full_clean()
    house.save()
    page = client.get(house.get_absolute_url()).content.decode()
    assert 'href="tel:44770000"' in page
    assert TYPED in page  # shown as typed


def test_people_and_the_footer_dial_the_digits(client):
    assert 'href="tel:44770000"' in PersonText()("Anne", "", TYPED, False)
    SiteSettings.objects.update_or_create(pk=1, defaults={"phone": TYPED})
    assert 'href="tel:44770000"' in client.get("/privatliv").content.decode()
