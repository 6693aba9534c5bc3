"""Every URL field of every staff form reads "www.example.dk" as https, set once in the
shared admin base (core.admin_base.https_urls), not per admin."""

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from tests.admin_forms import form_data
from tests.conftest import admin_url

pytestmark = pytest.mark.django_db


def staff_forms(request):
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        yield model._meta.label, model_admin.get_form(request)
        for inline in model_admin.get_inline_instances(request):
            yield inline.model._meta.label, inline.get_formset(request).form


def test_every_url_field_in_every_staff_form_assumes_https():
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(username="root", is_superuser=True, is_staff=True)
    fields = {
        f"{label}.{name}": field.assume_scheme
        for label, form in staff_forms(request)
        for name, field in form.base_fields.items()
        if isinstance(field, forms.URLField)
    }
    # The web sites of institutions and organisations, the sign-up link of a closing day,
    # the municipality's contact page, …
    for expected in (
        "districts.Institution.website",
        "culture.Organisation.website",
        "daycare.ClosingDay.signup_url",
        "pages.SiteSettings.contact_page",
    ):
        assert expected in fields
    assert {name: scheme for name, scheme in fields.items() if scheme != "https"} == {}


def test_an_address_typed_without_a_scheme_is_saved_as_https(administrator):
    from districts.models import Institution

    institution = Institution.objects.get(slug="boernehuset-valhalla")
    data = form_data(administrator.get(admin_url(institution))) | {"website": "www.valhalla.dk"}
    assert administrator.post(admin_url(institution), data).status_code == 302
    institution.refresh_from_db()
    assert institution.website == "https://www.valhalla.dk"
