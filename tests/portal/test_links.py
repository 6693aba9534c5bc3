"""``link_maker`` gives exactly what ``reverse()`` gives, under a script prefix too."""

import pytest
from django.urls import reverse, set_script_prefix

from core.links import link_maker
from districts.models import Institution

pytestmark = pytest.mark.django_db


def test_every_institution_link_is_what_reverse_gives(seed):
    link = link_maker("districts:institution_detail")
    slugs = list(Institution.objects.values_list("slug", flat=True))
    assert slugs
    for slug in slugs:
        assert link(slug) == reverse("districts:institution_detail", kwargs={"slug": slug})


def test_a_portal_under_a_sub_path_gets_links_under_it():
    set_script_prefix("/boern/")
    try:
        link = link_maker("districts:institution_detail")
        assert link("valhalla") == "/boern/institutioner/valhalla/"
    finally:
        set_script_prefix("/")
