"""Plain Danish in the admin (issue 24.5): help texts say what to write, a delete
confirmation names no code, validation messages say exactly what is wrong."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError

from core.validators import phone_validator
from culture.models import Event
from daycare.models import AlternativeCare
from districts.models import District, Institution
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


def staff_fields():
    for model in apps.get_models():
        if not admin.site.is_registered(model) or model._meta.app_label in (
            "auth",
            "axes",
            "otp_totp",
        ):
            continue
        yield from ((model, f) for f in model._meta.get_fields() if hasattr(f, "help_text"))


def test_no_help_text_speaks_of_markdown_or_a_web_address():
    for model, field in staff_fields():
        text = str(field.help_text)
        assert "Markdown" not in text, (model, field.name)
        assert not re.search(r"(^|\s)/[a-zæøå-]+/", text), (model, field.name, text)


def test_every_relation_has_a_danish_name():
    for model, field in staff_fields():
        if field.is_relation and field.concrete:
            assert str(field.verbose_name) != field.name.replace("_", " ") or field.name in (
                "person", "institution", "partner"  # Danish words already
            ), (model, field.name)  # fmt: skip


@pytest.mark.parametrize(
    "typed", ["44 77 00 00", "44\u00a077\u00a000\u00a000", "+45 44 77 00 00", "(+45) 4477-0000"]
)
def test_phone_numbers_typed_as_people_do_are_accepted(typed):
    phone_validator(typed)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("44 77 00 0", "Telefonnummeret har 7 cifre. Det skal have mindst 8, fx 44 77 00 00."),
        ("1 2 3 4 5 6 7", "Telefonnummeret har 7 cifre."),
        ("4", "Telefonnummeret har 1 ciffer."),
        ("44.77.00.00", "Et telefonnummer kan kun have cifre, mellemrum, bindestreger"),
        ("1234567890123456", "Telefonnummeret har 16 cifre. Det kan højst have 15."),
    ],
)
def test_a_wrong_phone_number_is_told_exactly_what_is_wrong(typed, message):
    with pytest.raises(ValidationError) as error:
        phone_validator(typed)
    assert message in error.value.messages[0]


def test_a_phone_number_with_eight_digits_and_spaces_is_saved_from_the_form(administrator):
    house = Institution.objects.get(slug="boernehuset-lundebjerg")
    page = administrator.get(admin_url(house))
    response = administrator.post(admin_url(house), form_data(page) | {"phone": "44 77 00 00"})
    assert response.status_code == 302
    house.refresh_from_db()
    assert house.phone == "44 77 00 00"


def test_the_delete_confirmation_names_no_code(administrator):
    care = AlternativeCare.objects.first()
    assert care.houses.exists()
    page = administrator.get(admin_url(care, "delete")).content.decode()
    assert "relation" not in page.lower()
    assert "object (" not in page
    assert "alternative_care" not in page.lower() and "AlternativeCare" not in page
    district = District.objects.first()
    page = administrator.get(admin_url(district, "delete")).content.decode()
    assert "relation" not in page.lower() and "object (" not in page


def test_negative_places_are_refused_in_plain_danish(client):
    login(client, "kultur-baltorp")
    event = Event.objects.filter(network__district__slug="baltorp").first()
    page = client.get(admin_url(event))
    response = client.post(admin_url(event), form_data(page) | {"places_available": "-3"})
    text = response.content.decode()
    assert "Ledige pladser kan ikke være et negativt tal." in text
    assert "Sørg for" not in text
