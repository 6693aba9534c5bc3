"""A form refused by the CSRF check (a login page left open past its token, cookies
blocked) answers with the portal's Danish page, under the strict CSP."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_refused_form_gets_the_portals_danish_page():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="da"' in page
    assert "Formularen blev ikke sendt" in page
    assert "<style" not in page and "Forbidden" not in page
